import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError } from '@redvest/api-client';
import { CheckinCode } from '@redvest/contract';
import { Page } from '../../components/Page';
import { QrCode } from '../../components/QrCode';
import { ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { formatTimeRange } from '../../services/format';
import { poster, queryParam } from '../../services/routes';
import './index.scss';

/** After a failed fetch, try again this soon (the code on screen stays valid for a window more). */
const RETRY_MS = 5000;
/** Ask a moment after the window changes, so the server surely hands out the new code. */
const AFTER_CHANGE_MS = 300;

interface Shown {
  code: CheckinCode;
  /** When it changes, by this phone's clock. */
  changesAt: number;
}

/**
 * 签到码: the organiser shows it at the activity. It is the rotating code (a new one every 30 s, so a photo
 * sent home is useless a minute later): the page fetches the next one when the current one changes, counts
 * down the seconds, keeps the screen on, and pauses while hidden.
 */
export default function LiveCodePage() {
  useRequireLogin();
  const activityId = queryParam(useRouter().params, 'activityId') ?? '';
  const activity = useAsync(() => api.activities.get(activityId), [activityId], { skip: !activityId });
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const visible = useRef(true);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const fetchCode = useCallback(async () => {
    stop();
    if (!activityId || !visible.current) return;
    try {
      const code = await api.activities.code(activityId, 'rotating');
      const refreshMs = (code.refreshInSeconds ?? 30) * 1000;
      const received = Date.now();
      setShown({ code, changesAt: received + refreshMs });
      setNow(received);
      setError(null);
      if (visible.current) timer.current = setTimeout(() => void fetchCode(), refreshMs + AFTER_CHANGE_MS);
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      // Without a network (or with the server busy) keep trying; a refusal (no right, no such activity) is final.
      if (visible.current && (failure.status === 0 || failure.status >= 500)) {
        timer.current = setTimeout(() => void fetchCode(), RETRY_MS);
      }
    }
  }, [activityId]);

  useEffect(() => {
    void fetchCode();
    return stop;
  }, [fetchCode]);

  // The countdown.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  // Keep the phone awake while the code is up (the mini-program only).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  }, []);

  useDidHide(() => {
    visible.current = false;
    stop();
  });
  useDidShow(() => {
    if (visible.current) return;
    visible.current = true;
    void fetchCode();
  });

  if (!activityId) {
    return (
      <Page className="live-code-page">
        <ErrorState error={new Error('没有指定活动')} onRetry={() => void Taro.navigateBack()} />
      </Page>
    );
  }
  if (!shown && error) {
    return (
      <Page className="live-code-page">
        <ErrorState error={error} onRetry={() => void fetchCode()} />
      </Page>
    );
  }
  if (!shown) {
    return (
      <Page className="live-code-page">
        <LoadingState cards={1} rows={6} />
      </Page>
    );
  }

  const { code, changesAt } = shown;
  const seconds = Math.max(0, Math.ceil((changesAt - now) / 1000));
  const stale = error !== null && now > new Date(code.expiresAt).getTime();
  const item = activity.data;

  return (
    <Page className="live-code-page">
      <View className="live-code">
        <Text className="live-code__title">{item?.title ?? '志愿活动'}</Text>
        {item ? (
          <Text className="live-code__meta">
            {formatTimeRange(item.startAt, item.endAt)} · {item.place}
          </Text>
        ) : null}
        <View className={`live-code__qr-box${stale ? ' live-code__qr-box--stale' : ''}`}>
          <QrCode text={code.token} className="live-code__qr" label="签到二维码" />
        </View>
        {error ? (
          <View className="live-code__problem" role="alert">
            {stale ? '网络中断，二维码已失效，正在重新获取…' : `网络不稳定，正在重新获取（${error.message}）`}
          </View>
        ) : (
          <Text className="live-code__countdown" aria-live="polite">
            <Text className="live-code__seconds">{seconds}</Text> 秒后自动更换
          </Text>
        )}
        <Text className="live-code__hint">请志愿者打开“红马甲”小程序</Text>
        <Text className="live-code__hint">点底部“扫码”，扫描此码签到、签退</Text>
        <Text className="live-code__token" data-testid="checkin-token" userSelect>
          {code.token}
        </Text>
      </View>
      <Text className="live-code__note">二维码每 30 秒更换一次，截图转发无效。请保持本页打开。</Text>
      <View className="live-code__actions">
        <Button size="large" block onClick={() => void Taro.navigateTo({ url: poster(activityId) })}>
          打印签到海报
        </Button>
      </View>
    </Page>
  );
}
