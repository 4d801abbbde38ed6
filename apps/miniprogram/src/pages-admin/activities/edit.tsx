import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Picker } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Location } from '@nutui/icons-react-taro';
import { ACTIVITY_CATEGORIES, ActivityView, ErrorCode, PointsRuleKind } from '@redvest/contract';
import { Field, FieldBlock } from '../../components/Field';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { SwitchRow } from '../../components/SwitchRow';
import { ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { activityAdminPage, queryParam } from '../../services/routes';
import {
  ActivityErrors,
  ActivityForm,
  emptyForm,
  formOf,
  MAX_DESCRIPTION,
  MAX_PLACE,
  MAX_TITLE,
  MAX_RADIUS,
  MIN_RADIUS,
  serverFieldErrors,
  updateOf,
  validateActivity,
} from './form';
import { addDays, dateLabel, daysBetween } from './time';
import './edit.scss';
import { TextBox } from '../../components/TextBox';
import { showToast } from '../../services/toast';

const POINTS_KINDS: readonly { key: PointsRuleKind; label: string }[] = [
  { key: 'per_attendance', label: '每次签到' },
  { key: 'per_hour', label: '按小时' },
];

/** On H5 there is no map to pick from: the coordinates are typed (or left out). */
const CAN_PICK_ON_MAP = process.env.TARO_ENV !== 'h5';

/** The date and the time of one end of the activity, each with the system's own picker. */
function WhenPicker({
  date,
  time,
  onDate,
  onTime,
}: {
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
}) {
  return (
    <View className="activity-form__when">
      <Picker mode="date" value={date} onChange={(event) => onDate(event.detail.value)}>
        <View className="activity-form__picker activity-form__picker--date" role="button">
          {dateLabel(date)}
        </View>
      </Picker>
      <Picker mode="time" value={time} onChange={(event) => onTime(event.detail.value)}>
        <View className="activity-form__picker activity-form__picker--time" role="button">
          {time}
        </View>
      </Picker>
    </View>
  );
}

function scrollToFirstError() {
  // After React has drawn the red fields.
  setTimeout(() => {
    try {
      void Promise.resolve(Taro.pageScrollTo({ selector: '.rv-field--error', duration: 300 })).catch(
        () => undefined,
      );
    } catch {
      // nothing to scroll (tests)
    }
  }, 50);
}

function ActivityEditor({ cid, activity }: { cid: string; activity?: ActivityView }) {
  const [form, setForm] = useState<ActivityForm>(() => (activity ? formOf(activity) : emptyForm()));
  const [errors, setErrors] = useState<ActivityErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pickedName, setPickedName] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (patch: Partial<ActivityForm>) => setForm((current) => ({ ...current, ...patch }));

  /** A new start date moves the end by as many days, so the activity keeps its length. */
  const changeStartDate = (startDate: string) =>
    setForm((current) => ({
      ...current,
      startDate,
      endDate: addDays(current.endDate, daysBetween(current.startDate, startDate)),
    }));

  const pickOnMap = async () => {
    try {
      const latitude = Number(form.latitude);
      const longitude = Number(form.longitude);
      const picked = await Taro.chooseLocation(
        form.latitude && form.longitude ? { latitude, longitude } : {},
      );
      if (!picked.latitude && !picked.longitude) return;
      setPickedName(picked.name || picked.address || null);
      update({
        latitude: String(picked.latitude),
        longitude: String(picked.longitude),
        ...(form.place.trim() ? {} : { place: picked.name || picked.address || '' }),
      });
    } catch (error) {
      const message = (error as { errMsg?: string })?.errMsg ?? '';
      if (!message.includes('cancel')) {
        void showToast({ title: '打不开地图，请在设置中允许使用位置', icon: 'none', duration: 3000 });
      }
    }
  };

  const save = async () => {
    if (saving) return;
    setProblem(null);
    const { errors: found, request } = validateActivity(form);
    setErrors(found);
    if (!request) {
      scrollToFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved = activity
        ? await api.activities.update(activity.id, updateOf(request, activity))
        : await api.activities.create(cid, request);
      void showToast({ title: activity ? '已保存' : '已发布', icon: 'success' });
      if (activity) void Taro.navigateBack();
      else void Taro.redirectTo({ url: activityAdminPage(saved.id) });
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === ErrorCode.ValidationFailed) {
        const { errors: fromServer, other } = serverFieldErrors(error.details);
        setErrors(fromServer);
        setProblem(
          other.length || !Object.keys(fromServer).length ? [error.message, ...other].join('：') : null,
        );
        scrollToFirstError();
      } else if (error.code === ErrorCode.ActivityTimeInvalid) {
        setErrors({ end: error.message });
        scrollToFirstError();
      } else {
        setProblem(error.message);
        void showToast({ title: error.message, icon: 'none', duration: 3000 });
      }
    } finally {
      setSaving(false);
    }
  };

  const pointChosen = Boolean(form.latitude && form.longitude && !errors.latitude && !errors.longitude);

  return (
    <View className="activity-form">
      <View className="rv-card">
        <Field label="活动名称" error={errors.title}>
          <Input
            value={form.title}
            placeholder="如：重阳节敬老院慰问"
            maxLength={MAX_TITLE}
            clearable
            onChange={(title) => update({ title })}
          />
        </Field>
        <FieldBlock label="活动类别" error={errors.category}>
          <View className="activity-form__categories" role="radiogroup">
            {ACTIVITY_CATEGORIES.map((category) => (
              <View
                key={category}
                role="radio"
                aria-checked={form.category === category}
                className={`rv-chip activity-form__category${form.category === category ? ' rv-chip--selected' : ''}`}
                onClick={() => update({ category })}
              >
                {category}
              </View>
            ))}
          </View>
        </FieldBlock>
        <Field label="活动地点" error={errors.place}>
          <Input
            value={form.place}
            placeholder="如：社区党群服务中心"
            maxLength={MAX_PLACE}
            clearable
            onChange={(place) => update({ place })}
          />
        </Field>
      </View>

      <View className="rv-card">
        <FieldBlock label="开始时间" error={errors.start}>
          <WhenPicker
            date={form.startDate}
            time={form.startTime}
            onDate={changeStartDate}
            onTime={(startTime) => update({ startTime })}
          />
        </FieldBlock>
        <FieldBlock label="结束时间" error={errors.end} hint="最长 7 天">
          <WhenPicker
            date={form.endDate}
            time={form.endTime}
            onDate={(endDate) => update({ endDate })}
            onTime={(endTime) => update({ endTime })}
          />
        </FieldBlock>
      </View>

      <View className="rv-card">
        <FieldBlock label="积分规则">
          <Segmented
            items={POINTS_KINDS}
            value={form.pointsKind}
            onChange={(pointsKind) => update({ pointsKind })}
          />
        </FieldBlock>
        <Field
          label={form.pointsKind === 'per_hour' ? '每满 1 小时得积分' : '每次签到得积分'}
          error={errors.points}
          hint={
            form.pointsKind === 'per_hour'
              ? '按签到到签退的实际时长计算，不满 1 小时的部分不计'
              : '签到并签退后，每人得到这么多积分'
          }
        >
          <Input
            type="number"
            value={form.points}
            placeholder="如：10"
            maxLength={4}
            onChange={(points) => update({ points })}
          />
          <Text className="activity-form__unit">积分</Text>
        </Field>
        <Field label="人数上限（选填）" error={errors.capacity} hint="不填则不限人数">
          <Input
            type="number"
            value={form.capacity}
            placeholder="不限"
            maxLength={6}
            onChange={(capacity) => update({ capacity })}
          />
          <Text className="activity-form__unit">人</Text>
        </Field>
      </View>

      <View className="rv-card">
        <SwitchRow
          title="需要报名"
          note="开启后，只有报名的居民才能签到"
          checked={form.enrolmentRequired}
          onChange={(enrolmentRequired) => update({ enrolmentRequired })}
        />
        <SwitchRow
          title="积分自动审批"
          note="开启后，签退后积分直接到账，不用再审批（离线签到仍需审批）"
          checked={form.autoApprove}
          onChange={(autoApprove) => update({ autoApprove })}
        />
        <SwitchRow
          title="定位签到"
          note="开启后，只能在活动地点附近签到"
          checked={form.located}
          onChange={(on) => {
            update({ located: on });
            if (!on)
              setErrors((current) => ({
                ...current,
                latitude: undefined,
                longitude: undefined,
                radiusM: undefined,
              }));
          }}
        />
        {form.located ? (
          <>
            {CAN_PICK_ON_MAP ? (
              <FieldBlock label="签到地点" error={errors.latitude ?? errors.longitude}>
                {pointChosen ? (
                  <View className="activity-form__point">
                    {pickedName ? <Text className="activity-form__point-name">{pickedName}</Text> : null}
                    <Text className="rv-muted">
                      纬度 {form.latitude}，经度 {form.longitude}
                    </Text>
                  </View>
                ) : null}
                <Button
                  size="large"
                  block
                  type="primary"
                  fill="outline"
                  icon={<Location size={18} />}
                  onClick={() => void pickOnMap()}
                >
                  {pointChosen ? '重新选择' : '在地图上选择'}
                </Button>
              </FieldBlock>
            ) : (
              <>
                <Field label="纬度" error={errors.latitude} hint="在腾讯地图或高德地图上查到的坐标（GCJ-02）">
                  <Input
                    type="digit"
                    value={form.latitude}
                    placeholder="如：30.0421"
                    maxLength={12}
                    onChange={(latitude) => update({ latitude })}
                  />
                </Field>
                <Field label="经度" error={errors.longitude}>
                  <Input
                    type="digit"
                    value={form.longitude}
                    placeholder="如：112.1926"
                    maxLength={12}
                    onChange={(longitude) => update({ longitude })}
                  />
                </Field>
              </>
            )}
            <Field
              label="签到范围"
              error={errors.radiusM}
              hint={`离地点多远以内可以签到，${MIN_RADIUS} 到 ${MAX_RADIUS} 米`}
            >
              <Input
                type="number"
                value={form.radiusM}
                placeholder="如：300"
                maxLength={5}
                onChange={(radiusM) => update({ radiusM })}
              />
              <Text className="activity-form__unit">米</Text>
            </Field>
          </>
        ) : null}
      </View>

      <View className="rv-card">
        <FieldBlock label="活动说明（选填）" error={errors.description}>
          <TextBox
            value={form.description}
            placeholder="如：请穿红马甲、带好手套"
            maxLength={MAX_DESCRIPTION}
            onChange={(description) => update({ description })}
          />
        </FieldBlock>
      </View>

      {problem ? (
        <View className="activity-form__problem" role="alert">
          {problem}
        </View>
      ) : null}
      <View className="activity-form__submit">
        <Button type="primary" size="large" block loading={saving} onClick={() => void save()}>
          {activity ? '保存修改' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}

/** 发布活动 (`?cid=`) or 编辑活动 (`?activityId=`). */
export default function ActivityEditPage() {
  useRequireLogin();
  const params = useRouter().params;
  const activityId = queryParam(params, 'activityId');
  const cid = queryParam(params, 'cid') ?? '';
  const existing = useAsync(() => api.activities.get(activityId ?? ''), [activityId], { skip: !activityId });

  useEffect(() => {
    if (activityId) void Taro.setNavigationBarTitle({ title: '编辑活动' });
  }, [activityId]);

  if (activityId) {
    if (existing.loading) {
      return (
        <Page className="activity-edit-page">
          <LoadingState cards={3} rows={3} />
        </Page>
      );
    }
    if (existing.error || !existing.data) {
      return (
        <Page className="activity-edit-page">
          <ErrorState error={existing.error ?? new Error('没有数据')} onRetry={existing.reload} />
        </Page>
      );
    }
  }
  return (
    <Page className="activity-edit-page">
      <ActivityEditor
        key={existing.data?.id ?? 'new'}
        cid={existing.data?.communityId ?? cid}
        activity={existing.data}
      />
    </Page>
  );
}
