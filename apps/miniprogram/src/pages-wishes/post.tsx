import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Picker } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ArrowRight, Check, Close } from '@nutui/icons-react-taro';
import { ErrorCode, MemberView, WISH_CATEGORIES } from '@redvest/contract';
import { Field, FieldBlock } from '../components/Field';
import { memberName } from '../components/members';
import { Page } from '../components/Page';
import { Segmented } from '../components/Segmented';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { MemberPicker } from '../components/wishes/MemberPicker';
import { PhotoPicker } from '../components/wishes/PhotoPicker';
import { CATEGORY_LOOKS, CategoryIcon } from '../components/wishes/wish-meta';
import { toApiError } from '../hooks/useAsync';
import { currentMembership, isSecretary, useMe } from '../hooks/useMe';
import { api } from '../services/api';
import { chinaDay, formatDate } from '../services/format';
import { queryParam, wishPage } from '../services/routes';
import { ForWhom, useFamilyResidents } from './ForWhom';
import { charCount, TITLE_MAX, validateWish, WishForm, WishFormErrors } from './post-form';
import './post.scss';
import { TextBox } from '../components/TextBox';
import { VoiceNote } from '../components/VoiceNote';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

type Mode = 'self' | 'resident';
const MODES: { key: Mode; label: string }[] = [
  { key: 'self', label: '为自己发布' },
  { key: 'resident', label: '代居民发布' },
];

/** Which form field a server complaint is about (CONTENT_REJECTED and VALIDATION_FAILED name it). */
function fieldOf(details: unknown): keyof WishFormErrors | undefined {
  const fields: (keyof WishFormErrors)[] = ['title', 'description', 'place', 'contactPhone', 'category'];
  const named = Array.isArray(details)
    ? (details[0] as { field?: string } | undefined)?.field
    : (details as { field?: string } | undefined)?.field;
  return fields.find((field) => field === named);
}

/** Brings the first field marked red into view, after it has been drawn. */
function scrollToFirstError() {
  setTimeout(() => {
    try {
      Promise.resolve(
        Taro.pageScrollTo({ selector: '.rv-field--error', offsetTop: -80, duration: 300 }),
      ).catch(() => undefined);
    } catch {
      // not available here: the toast says what to do
    }
  }, 50);
}

/** 发布心愿: a short form with big controls, a confirmation before sending, and plain error messages. */
export default function PostWishPage() {
  const me = useMe();
  const asked = queryParam(useRouter().params, 'cid');
  const membership = asked
    ? me.data?.memberships.find((m) => m.communityId === asked)
    : currentMembership(me.data);
  // 代居民发布: the community secretary for anyone, a branch secretary for the residents of their compounds.
  const secretary = membership ? isSecretary(membership) : false;
  const branchCompounds = new Set((membership?.branchCompounds ?? []).map((compound) => compound.id));
  const mayPostForOthers = secretary || branchCompounds.size > 0;
  const familyResidents = useFamilyResidents(membership?.communityId);

  const [form, setForm] = useState<WishForm>({
    title: '',
    description: '',
    photos: [],
    place: '',
    contactPhone: '',
  });
  const [errors, setErrors] = useState<WishFormErrors>({});
  const [mode, setMode] = useState<Mode>('self');
  const [resident, setResident] = useState<MemberView | null>(null);
  const [picking, setPicking] = useState(false);
  const [showContact, setShowContact] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [recording, setRecording] = useState(false);
  const [sending, setSending] = useState(false);

  const update = (patch: Partial<WishForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof WishFormErrors];
      return next;
    });
  };

  if (me.loading) {
    return (
      <Page className="wish-post">
        <LoadingState cards={3} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="wish-post">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }
  if (!membership) {
    return (
      <Page className="wish-post">
        <EmptyState title="还没有加入社区" description="加入社区后才能发布心愿。" />
      </Page>
    );
  }
  const cid = membership.communityId;
  const forResident = mayPostForOthers && mode === 'resident';
  // 家人代办: for a resident I am a linked family member of.
  const forFamily = !forResident && familyResidents.some((r) => r.residentId === form.onBehalfOf);
  const titleLength = charCount(form.title.trim());
  const today = chinaDay(new Date());

  const submit = async () => {
    if (sending) return;
    if (uploading) {
      void showToast({ title: '照片还在上传，请稍等', icon: 'none' });
      return;
    }
    if (recording) {
      void Taro.showToast({ title: '请先停止录音，等录音保存好', icon: 'none' });
      return;
    }
    const { errors: found, request } = validateWish(
      forResident || forFamily ? form : { ...form, onBehalfOf: undefined },
      forResident || forFamily,
    );
    setErrors(found);
    if (!request) {
      void showToast({ title: '请把标红的地方填好', icon: 'none', duration: 2500 });
      scrollToFirstError();
      return;
    }
    const who = forResident && resident ? `代${memberName(resident)}发布` : '发布';
    const { confirm } = await showModal({
      title: '确认发布',
      content: forResident
        ? `${who}“${request.title}”（${request.category}）。代发的心愿会直接出现在心愿墙上。`
        : `“${request.title}”（${request.category}）。提交后社区会先审核，通过后出现在心愿墙上。`,
      confirmText: '确认发布',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSending(true);
    try {
      const wish = await api.wishes.post(cid, request);
      await showModal({
        title: forResident ? '已发布' : '已提交',
        content: forResident
          ? '心愿已经发布到心愿墙，党员和志愿者可以认领了。'
          : '社区审核通过后，心愿会出现在心愿墙上。进度可以在“我的心愿”里查看。',
        showCancel: false,
        confirmText: '好的',
      });
      await Taro.redirectTo({ url: wishPage(wish.id) });
    } catch (caught) {
      const error = toApiError(caught);
      const field = fieldOf(error.details);
      if (field && (error.code === ErrorCode.ContentRejected || error.code === ErrorCode.ValidationFailed)) {
        const message =
          error.code === ErrorCode.ValidationFailed && Array.isArray(error.details)
            ? ((error.details[0] as { message?: string }).message ?? error.message)
            : error.message;
        setErrors((current) => ({ ...current, [field]: message }));
      }
      await showModal({
        title: '没有发布成功',
        content: error.message,
        showCancel: false,
        confirmText: '知道了',
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Page className="wish-post">
      {mayPostForOthers ? (
        <View className="rv-card">
          <Segmented items={MODES} value={mode} onChange={setMode} />
          {mode === 'resident' ? (
            <Field
              label="代哪位居民发布"
              error={errors.onBehalfOf}
              hint="心愿记在这位居民名下，代发的心愿不用审核"
            >
              <View className="wish-post__pick" role="button" onClick={() => setPicking(true)}>
                <Text className={resident ? 'wish-post__picked' : 'wish-post__placeholder'}>
                  {resident ? memberName(resident) : '点这里选择居民'}
                </Text>
                <ArrowRight size={16} />
              </View>
            </Field>
          ) : null}
        </View>
      ) : null}

      {!forResident && familyResidents.length ? (
        <View className="rv-card">
          <ForWhom
            residents={familyResidents}
            value={forFamily ? (form.onBehalfOf ?? '') : ''}
            onChange={(residentId) => update({ onBehalfOf: residentId || undefined })}
          />
        </View>
      ) : null}

      <View className="rv-card">
        <Text className="wish-post__label">心愿类别</Text>
        <View className="wish-post__categories" role="radiogroup">
          {WISH_CATEGORIES.map((category) => {
            const selected = form.category === category;
            const look = CATEGORY_LOOKS[category];
            return (
              <View
                key={category}
                role="radio"
                aria-checked={selected}
                className={`wish-tile${selected ? ' wish-tile--selected' : ''}`}
                onClick={() => update({ category })}
              >
                <View className="wish-tile__icon" style={{ backgroundColor: look.tint }}>
                  <CategoryIcon category={category} size={26} />
                </View>
                <Text className="wish-tile__name">{category}</Text>
                {selected ? (
                  <View className="wish-tile__check">
                    <Check size={12} color="#ffffff" />
                  </View>
                ) : null}
              </View>
            );
          })}
        </View>
        {errors.category ? <Text className="wish-post__error rv-field--error">{errors.category}</Text> : null}
      </View>

      <View className="rv-card">
        <Field
          label="心愿标题"
          error={errors.title}
          hint={`一句话说清楚，如“帮忙换个灯泡”（${titleLength}/${TITLE_MAX} 字）`}
        >
          <Input
            className="wish-post__title-input"
            value={form.title}
            placeholder="想请大家帮什么忙？"
            maxLength={60}
            clearable
            onChange={(title) => update({ title })}
          />
        </Field>
        <FieldBlock label="具体说明" error={errors.description} hint="什么时间、什么地方、需要帮什么">
          <TextBox
            value={form.description}
            placeholder="例如：家里客厅的灯泡坏了，我够不着，想请人帮忙换一下。"
            maxLength={500}
            onChange={(description) => update({ description })}
          />
        </FieldBlock>
      </View>

      <View className="rv-card">
        <Text className="wish-post__label">照片（选填）</Text>
        <PhotoPicker onChange={(photos) => update({ photos })} onUploadingChange={setUploading} />
        <Text className="wish-post__label wish-post__label--gap">语音说明（可选，最长 60 秒）</Text>
        <Text className="rv-muted">说不清的可以录一段话；只有社区、认领您心愿的人和您的家人能听到。</Text>
        <VoiceNote
          onChange={(voiceId) => update({ voiceId: voiceId ?? undefined })}
          onBusyChange={setRecording}
        />
        <Text className="wish-post__label wish-post__label--gap">希望哪天前完成（选填）</Text>
        <View className="wish-post__date">
          <View className="wish-post__date-picker">
            <Picker
              mode="date"
              value={form.desiredDate ?? today}
              start={today}
              onChange={(event) => update({ desiredDate: event.detail.value })}
            >
              <View className="wish-post__pick" role="button">
                <Text className={form.desiredDate ? 'wish-post__picked' : 'wish-post__placeholder'}>
                  {form.desiredDate ? formatDate(form.desiredDate) : '不限时间，点这里选日期'}
                </Text>
                <ArrowRight size={16} />
              </View>
            </Picker>
          </View>
          {form.desiredDate ? (
            <View
              className="wish-post__clear"
              role="button"
              aria-label="不限时间"
              onClick={() => update({ desiredDate: undefined })}
            >
              <Close size={14} />
              <Text>不限</Text>
            </View>
          ) : null}
        </View>
      </View>

      <View className="rv-card">
        <Text className="wish-post__label">住址和电话</Text>
        <Text className="wish-post__note">
          {forResident || forFamily ? '默认用这位居民登记的住址和手机号' : '默认用您登记的住址和手机号'}
          ，只有认领人和社区工作人员能看到。
        </Text>
        {showContact ? (
          <>
            <Field label="住址（选填）" error={errors.place} hint="不填就用登记的住址">
              <Input
                value={form.place}
                placeholder="如：阳光里小区 3栋2单元101"
                maxLength={100}
                clearable
                onChange={(place) => update({ place })}
              />
            </Field>
            <Field label="联系电话（选填）" error={errors.contactPhone} hint="不填就用登记的手机号">
              <Input
                type="tel"
                value={form.contactPhone}
                placeholder="请输入手机号"
                maxLength={20}
                clearable
                onChange={(contactPhone) => update({ contactPhone })}
              />
            </Field>
          </>
        ) : (
          <View className="wish-post__more" role="button" onClick={() => setShowContact(true)}>
            <Text>换一个住址或电话</Text>
            <ArrowRight size={14} />
          </View>
        )}
      </View>

      <View className="wish-post__submit">
        <Button type="primary" size="large" block loading={sending} onClick={() => void submit()}>
          发布心愿
        </Button>
        <Text className="wish-post__after">
          {forResident ? '代发的心愿直接发布到心愿墙' : '提交后由社区审核，通过后发布到心愿墙'}
        </Text>
      </View>

      {picking ? (
        <MemberPicker
          cid={cid}
          title="选择居民"
          hint="心愿会记在这位居民名下，进度会通知他（她）。"
          eligible={(member) =>
            member.userId !== me.data?.id &&
            (secretary || (!!member.compound && branchCompounds.has(member.compound.id)))
          }
          onClose={() => setPicking(false)}
          onPick={(member) => {
            setResident(member);
            update({ onBehalfOf: member.userId });
            setPicking(false);
          }}
        />
      ) : null}
    </Page>
  );
}
