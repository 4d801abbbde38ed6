import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page } from '../../components/Page';
import { QrCode } from '../../components/QrCode';
import { ErrorState, LoadingState } from '../../components/states';
import { useAsync } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { downloadWithLogin } from '../../services/files';
import { formatDateTime, formatTimeRange, pointsRuleText } from '../../services/format';
import { queryParam } from '../../services/routes';
import './index.scss';
import { imageAlt } from '../../components/image-alt';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * The WeChat mini-program code of the poster, which WeChat's own camera opens straight into 扫码签到; null when
 * the server has no WeChat app configured (then the poster shows a plain QR code, scanned inside the app).
 */
function useWechatCode(activityId: string) {
  const state = useAsync(
    () =>
      downloadWithLogin(`/api/activities/${encodeURIComponent(activityId)}/wxacode?kind=poster`).catch(
        () => null,
      ),
    [activityId],
    { skip: !activityId },
  );
  const local = state.data;
  useEffect(
    () => () => {
      if (isH5 && local) URL.revokeObjectURL(local);
    },
    [local],
  );
  return state;
}

/** 签到海报: printed and put up at the activity; its code is valid through the activity's time window. */
export default function PosterPage() {
  useRequireLogin();
  const activityId = queryParam(useRouter().params, 'activityId') ?? '';
  const activity = useAsync(() => api.activities.get(activityId), [activityId], { skip: !activityId });
  const code = useAsync(() => api.activities.code(activityId, 'poster'), [activityId], {
    skip: !activityId,
  });
  const wechat = useWechatCode(activityId);

  const reload = () => Promise.all([activity.reload(), code.reload(), wechat.reload()]);

  if (!activityId) {
    return (
      <Page className="poster-page">
        <ErrorState error={new Error('没有指定活动')} onRetry={() => void Taro.navigateBack()} />
      </Page>
    );
  }
  const failed = activity.error ?? code.error;
  if (failed) {
    return (
      <Page className="poster-page">
        <ErrorState error={failed} onRetry={() => void reload()} />
      </Page>
    );
  }
  if (activity.loading || code.loading || wechat.loading || !activity.data || !code.data) {
    return (
      <Page className="poster-page">
        <LoadingState cards={1} rows={8} />
      </Page>
    );
  }

  const item = activity.data;
  const wxacode = wechat.data;
  return (
    <Page className="poster-page">
      <View className="poster">
        <Text className="poster__brand">红马甲 · 志愿服务</Text>
        <Text className="poster__title">{item.title}</Text>
        <View className="poster__facts">
          <Text className="poster__fact">时间：{formatTimeRange(item.startAt, item.endAt)}</Text>
          <Text className="poster__fact">地点：{item.place}</Text>
          <Text className="poster__fact">积分：{pointsRuleText(item.pointsRule)}</Text>
        </View>
        <View className="poster__qr-box">
          {wxacode ? (
            <Image
              className="poster__qr"
              src={wxacode}
              mode="scaleToFill"
              showMenuByLongpress
              {...imageAlt('签到小程序码')}
            />
          ) : (
            <QrCode text={code.data.token} className="poster__qr" label="签到二维码" />
          )}
        </View>
        <Text className="poster__call">微信扫码签到</Text>
        <Text className="poster__how">
          {wxacode
            ? '用微信“扫一扫”扫描上方小程序码，即可签到；离开时再扫一次签退'
            : '打开微信里的“红马甲”小程序，点底部“扫码”扫描上方二维码签到；离开时再扫一次签退'}
        </Text>
        <Text className="poster__valid">
          活动开始前 30 分钟起可签到，{formatDateTime(code.data.expiresAt)} 后失效
        </Text>
      </View>
      {isH5 ? (
        <View className="poster-actions">
          <Button type="primary" size="xlarge" block onClick={() => window.print()}>
            打印海报
          </Button>
          <Text className="poster-actions__note">建议用 A4 纸打印，张贴在活动现场入口处。</Text>
        </View>
      ) : (
        <Text className="poster-actions__note">
          长按二维码可保存或转发；在电脑浏览器中打开本页可直接打印。
        </Text>
      )}
    </Page>
  );
}
