import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { WISH_CATEGORIES, WISH_LIMITS, WishCategory } from '@redvest/contract';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { TextBox } from '../components/TextBox';
import { VoiceNote } from '../components/VoiceNote';
import { CategoryIcon } from '../components/wishes/wish-meta';
import { toApiError } from '../hooks/useAsync';
import { currentMembership, useMe } from '../hooks/useMe';
import { api } from '../services/api';
import { showModal } from '../services/modal';
import { queryParam, wishPage } from '../services/routes';
import { AskForm, askRequest, askStepTwoProblem } from './ask-form';
import './ask.scss';

const STEPS = ['选一类帮助', '说一说难处', '看一遍，提交'];

/** 我要求助 (长辈首页): a wish in three steps, each on its own screen, with words or a voice note. */
export default function AskForHelpPage() {
  const me = useMe();
  const cid = queryParam(useRouter().params, 'cid');
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<AskForm>({ description: '' });
  const [problem, setProblem] = useState<string>();
  const [recording, setRecording] = useState(false);
  const [sending, setSending] = useState(false);

  if (me.loading) {
    return (
      <Page className="ask-page">
        <LoadingState cards={2} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="ask-page">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }
  const membership = me.data.memberships.find((m) => m.communityId === cid) ?? currentMembership(me.data);
  if (!membership) {
    return (
      <Page className="ask-page">
        <EmptyState title="还没有加入社区" description="加入社区后才能求助。" />
      </Page>
    );
  }

  const pick = (category: WishCategory) => {
    setForm((current) => ({ ...current, category }));
    setProblem(undefined);
    setStep(1);
  };
  const next = () => {
    const found = askStepTwoProblem(form);
    setProblem(found);
    if (!found) setStep(2);
  };
  const submit = async () => {
    if (sending || !form.category) return;
    setSending(true);
    try {
      const wish = await api.wishes.post(
        membership.communityId,
        askRequest({ ...form, category: form.category }),
      );
      await showModal({
        title: '已经提交了',
        content: '社区工作人员看过后，志愿者就会来帮您。进度在“我的心愿”里能看到。',
        showCancel: false,
        confirmText: '好的',
      });
      await Taro.redirectTo({ url: wishPage(wish.id) });
    } catch (error) {
      await showModal({
        title: '没有提交成功',
        content: toApiError(error).message,
        showCancel: false,
        confirmText: '知道了',
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Page className="ask-page">
      <View className="ask-steps" aria-label={`第 ${step + 1} 步，共 3 步：${STEPS[step]}`}>
        <Text className="ask-steps__count">第 {step + 1} 步，共 3 步</Text>
        <Text className="ask-steps__name">{STEPS[step]}</Text>
      </View>

      {step === 0 ? (
        <View className="ask-categories" role="radiogroup" aria-label="需要哪一类帮助">
          {WISH_CATEGORIES.map((category) => (
            <View
              key={category}
              role="radio"
              aria-checked={form.category === category}
              className={`ask-category${form.category === category ? ' ask-category--selected' : ''}`}
              onClick={() => pick(category)}
            >
              <CategoryIcon category={category} size={32} />
              <Text className="ask-category__name">{category}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {/* Kept drawn on the other steps, only hidden: the recorder keeps its recording when she comes back. */}
      <View className={`rv-card ask-say${step === 1 ? '' : ' ask-say--hidden'}`}>
        <Text className="ask-say__label">写几个字</Text>
        <TextBox
          value={form.description}
          label="说说您的难处"
          placeholder="例如：家里灯泡坏了，我够不着。"
          maxLength={WISH_LIMITS.description.max}
          onChange={(description) => {
            setForm((current) => ({ ...current, description }));
            setProblem(undefined);
          }}
        />
        <Text className="ask-say__label ask-say__label--gap">或者说给我们听（最长 60 秒）</Text>
        <VoiceNote
          onChange={(voiceId) => {
            setForm((current) => ({ ...current, voiceId: voiceId ?? undefined }));
            setProblem(undefined);
          }}
          onBusyChange={setRecording}
        />
        {problem ? (
          <View className="ask-say__problem" role="alert">
            {problem}
          </View>
        ) : null}
      </View>

      {step === 2 && form.category ? (
        <View className="rv-card ask-check">
          <Text className="ask-check__label">需要的帮助</Text>
          <Text className="ask-check__value">{form.category}</Text>
          {form.description.trim() ? (
            <>
              <Text className="ask-check__label">您写的</Text>
              <Text className="ask-check__value">{form.description.trim()}</Text>
            </>
          ) : null}
          {form.voiceId ? (
            <>
              <Text className="ask-check__label">您说的</Text>
              <Text className="ask-check__value">一段语音说明（已录好）</Text>
            </>
          ) : null}
          <Text className="ask-check__note">
            住址和电话用您登记的，只有来帮忙的人和社区工作人员能看到。社区看过后，心愿会出现在心愿墙上。
          </Text>
        </View>
      ) : null}

      <View className="ask-nav">
        {step === 1 ? (
          <Button type="primary" size="large" block disabled={recording} onClick={next}>
            下一步
          </Button>
        ) : null}
        {step === 2 ? (
          <Button type="primary" size="large" block loading={sending} onClick={() => void submit()}>
            提交求助
          </Button>
        ) : null}
        {step > 0 ? (
          <Button size="large" block disabled={sending || recording} onClick={() => setStep(step - 1)}>
            上一步
          </Button>
        ) : null}
      </View>
    </Page>
  );
}
