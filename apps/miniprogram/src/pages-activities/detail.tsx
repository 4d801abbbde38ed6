import { ReactNode, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { QrCode, Scan } from '@nutui/icons-react-taro';
import {
  ACTIVITY_PHASE_LABELS,
  ActivityView,
  ATTENDANCE_STATUS_LABELS,
  AttendanceView,
  MembershipStatus,
  Role,
} from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { Badge, BadgeTone } from '../components/Badge';
import { Page } from '../components/Page';
import { ErrorState, LoadingState } from '../components/states';
import { toApiError, useAsync, usePullToRefresh, useShownAgain } from '../hooks/useAsync';
import { isSecretary, useMe } from '../hooks/useMe';
import { api } from '../services/api';
import { formatClock, formatDuration, formatTimeRange, pointsRuleText } from '../services/format';
import { liveCode, poster, queryParam, TAB_PAGES } from '../services/routes';
import './detail.scss';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

const PHASE_TONES: Record<ActivityView['phase'], BadgeTone> = {
  running: 'green',
  upcoming: 'blue',
  past: 'orange',
  cancelled: 'red',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="detail-fact">
      <Text className="detail-fact__label">{label}</Text>
      <Text className="detail-fact__value">{children}</Text>
    </View>
  );
}

function capacityText(activity: ActivityView): string {
  const came = `已签到 ${activity.attendeeCount} 人`;
  const enrolled = activity.enrolmentRequired ? `，已报名 ${activity.enrolledCount} 人` : '';
  return `${activity.capacity ? `限 ${activity.capacity} 人` : '不限人数'}，${came}${enrolled}`;
}

/** My attendance at this activity, in one line: 已签到 18:30, or 已签退 with the time served. */
function MyAttendance({ attendance }: { attendance: AttendanceView }) {
  return (
    <View className="rv-card detail-mine">
      <View className="detail-mine__head">
        <Text className="detail-section">我的签到</Text>
        <Badge tone={attendance.status === 'closed' ? 'green' : 'orange'}>
          {ATTENDANCE_STATUS_LABELS[attendance.status]}
        </Badge>
      </View>
      <Fact label="签到">{formatClock(attendance.checkedInAt)}</Fact>
      {attendance.checkedOutAt ? <Fact label="签退">{formatClock(attendance.checkedOutAt)}</Fact> : null}
      {attendance.minutes !== null ? (
        <Fact label="服务时长">{formatDuration(attendance.minutes)}</Fact>
      ) : null}
      {attendance.points !== null ? (
        <Fact label="积分">{`${attendance.points} 积分${attendance.pointsPending ? '（待审批）' : ''}`}</Fact>
      ) : null}
    </View>
  );
}

/**
 * 活动详情: when, where, how many, the points rule in words; 报名 / 取消报名 where the activity asks for it, my
 * attendance, and for the community's secretary the check-in code to show and the poster to print.
 */
export default function ActivityDetailPage() {
  const id = queryParam(useRouter().params, 'id');
  const me = useMe();
  const activity = useAsync(() => api.activities.get(id ?? ''), [id], { skip: !id });
  usePullToRefresh(activity.reload);
  useShownAgain(() => void activity.reload());
  const [busy, setBusy] = useState(false);

  if (!id) {
    return (
      <Page className="detail-page">
        <ErrorState error={new Error('没有指定活动')} onRetry={() => void Taro.navigateBack()} />
      </Page>
    );
  }
  if (activity.loading || me.loading) {
    return (
      <Page className="detail-page">
        <LoadingState cards={2} rows={4} />
      </Page>
    );
  }
  if (activity.error || !activity.data) {
    return (
      <Page className="detail-page">
        <ErrorState error={activity.error ?? new Error('没有数据')} onRetry={activity.reload} />
      </Page>
    );
  }

  const item = activity.data;
  const membership = me.data?.memberships.find((m) => m.communityId === item.communityId);
  const active = membership?.status === MembershipStatus.Active;
  const volunteer = active && effectiveRoles(membership.roles).has(Role.Volunteer);
  const organiser = membership ? isSecretary(membership) : false;
  const open = item.phase === 'upcoming' || item.phase === 'running';
  const attendance = item.me?.attendance ?? null;
  const enrolled = Boolean(item.me?.enrolled);

  const changeEnrolment = async (enrol: boolean) => {
    if (!enrol) {
      const { confirm } = await showModal({
        title: '取消报名',
        content: '确定不参加这次活动了吗？',
        confirmText: '取消报名',
        cancelText: '再想想',
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      const updated = enrol ? await api.activities.enrol(item.id) : await api.activities.unenrol(item.id);
      activity.setData(() => updated);
      void showToast({ title: enrol ? '报名成功' : '已取消报名', icon: 'success' });
    } catch (caught) {
      void showModal({
        title: enrol ? '没有报名成功' : '没有取消成功',
        content: toApiError(caught).message,
        showCancel: false,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="detail-page">
      <View className="rv-card detail-head">
        <Text className="detail-head__title">{item.title}</Text>
        <View className="rv-tags">
          <Badge tone={PHASE_TONES[item.phase]}>{ACTIVITY_PHASE_LABELS[item.phase]}</Badge>
          <Badge tone="blue">{item.category}</Badge>
          {item.enrolmentRequired ? <Badge tone="orange">需报名</Badge> : null}
        </View>
      </View>

      {item.phase === 'cancelled' ? (
        <View className="rv-card detail-cancelled" role="alert">
          <Text className="detail-section">活动已取消</Text>
          {item.cancelReason ? <Text className="detail-text">原因：{item.cancelReason}</Text> : null}
        </View>
      ) : null}

      <View className="rv-card">
        <Fact label="时间">{formatTimeRange(item.startAt, item.endAt)}</Fact>
        <Fact label="地点">{item.place}</Fact>
        <Fact label="人数">{capacityText(item)}</Fact>
        <Fact label="积分">
          {`${pointsRuleText(item.pointsRule)}，${item.autoApprove ? '签退后自动入账' : '签退后经社区审核入账'}`}
        </Fact>
        {item.radiusM ? <Fact label="签到">{`需在活动地点 ${item.radiusM} 米内扫码`}</Fact> : null}
      </View>

      {item.description ? (
        <View className="rv-card">
          <Text className="detail-section">活动介绍</Text>
          <Text className="detail-text">{item.description}</Text>
        </View>
      ) : null}

      {attendance ? <MyAttendance attendance={attendance} /> : null}

      {!attendance && open && item.enrolmentRequired ? (
        <View className="rv-card detail-enrol">
          {!volunteer ? (
            <Text className="detail-text">报名参加志愿活动需要志愿者身份，请联系社区工作人员。</Text>
          ) : enrolled ? (
            <>
              <Text className="detail-text">您已报名，请按时到达活动地点扫码签到。</Text>
              <Button size="large" block loading={busy} onClick={() => void changeEnrolment(false)}>
                取消报名
              </Button>
            </>
          ) : (
            <>
              <Text className="detail-text">本活动需要先报名，报名后才能扫码签到。</Text>
              <Button
                type="primary"
                size="xlarge"
                block
                loading={busy}
                onClick={() => void changeEnrolment(true)}
              >
                报名
              </Button>
            </>
          )}
        </View>
      ) : null}

      {item.phase === 'running' && attendance?.status !== 'closed' && volunteer ? (
        <View className="detail-scan">
          <Button
            type={item.enrolmentRequired && !enrolled ? 'default' : 'primary'}
            size="xlarge"
            block
            icon={<Scan size={22} />}
            onClick={() => void Taro.switchTab({ url: TAB_PAGES.scan })}
          >
            {attendance ? '去扫码签退' : '去扫码签到'}
          </Button>
        </View>
      ) : null}

      {organiser && item.phase !== 'cancelled' ? (
        <View className="rv-card detail-organiser">
          <Text className="detail-section">组织者</Text>
          <Text className="detail-text">在现场出示签到码，志愿者用“扫码”扫一扫即可签到、签退。</Text>
          <View className="rv-actions">
            <Button
              type="primary"
              size="large"
              icon={<QrCode size={20} />}
              onClick={() => void Taro.navigateTo({ url: liveCode(item.id) })}
            >
              出示签到码
            </Button>
            <Button size="large" onClick={() => void Taro.navigateTo({ url: poster(item.id) })}>
              签到海报
            </Button>
          </View>
        </View>
      ) : null}
    </Page>
  );
}
