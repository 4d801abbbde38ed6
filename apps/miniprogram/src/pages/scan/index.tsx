import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ArrowRight, Clock, Photograph, Scan } from '@nutui/icons-react-taro';
import { Badge } from '../../components/Badge';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { useOfflineScans } from '../../hooks/useOfflineScans';
import { cameraScanSupported, scanWithCamera } from '../../services/camera-scanner';
import {
  ACTION_TITLES,
  checkIn,
  checkoutModeOn,
  keepPendingScan,
  NOT_A_CHECKIN_CODE,
  readCheckinToken,
  scanWithWechat,
  setCheckoutMode,
  takePendingScan,
} from '../../services/checkin';
import { formatDateTime } from '../../services/format';
import { QueuedScan, SentScan } from '../../services/offline-scans';
import { ACTIVITIES_PAGE, CHECKIN_RESULT_PAGE, queryParam, RECORDS_PAGE } from '../../services/routes';
import { getToken, goToLogin } from '../../services/session';
import './index.scss';
import { showModal } from '../../services/modal';

const isH5 = process.env.TARO_ENV === 'h5';

function QueuedRow({ scan }: { scan: QueuedScan }) {
  return (
    <View className="scan-queue__row">
      <View className="scan-queue__main">
        <Text className="scan-queue__what">{scan.intent === 'check_out' ? '签退' : '签到'}扫码</Text>
        <Text className="scan-queue__time">扫码时间 {formatDateTime(scan.scannedAt)}</Text>
      </View>
      <Badge tone="orange">待上传</Badge>
    </View>
  );
}

function SentRow({ sent }: { sent: SentScan }) {
  const { result, error, scan } = sent;
  return (
    <View className="scan-queue__row">
      <View className="scan-queue__main">
        <Text className="scan-queue__what">
          {result ? result.activity.title : `${formatDateTime(scan.scannedAt)} 的扫码`}
        </Text>
        <Text className={`scan-queue__time${error ? ' scan-queue__time--error' : ''}`}>
          {result
            ? `扫码时间 ${formatDateTime(scan.scannedAt)}${result.attendance.offline ? '，离线记录需社区审核' : ''}`
            : `未能上传：${error?.message ?? ''}`}
        </Text>
      </View>
      {result ? <Badge tone="green">{ACTION_TITLES[result.action]}</Badge> : <Badge tone="red">未成功</Badge>}
    </View>
  );
}

/**
 * 扫码签到: the volunteer scans the organiser's code (WeChat's scanner in the mini-program; on H5 the camera
 * where the browser allows it, or a pasted code). A WeChat mini-program code opens this page with the token in
 * `scene` and checks in at once. Scans made without a network wait in 待上传 and are sent when it returns.
 */
export default function ScanPage() {
  const scene = queryParam(useRouter().params, 'scene');
  const [busy, setBusy] = useState(false);
  // Which button started the check-in: that one spins, the other only waits.
  const [tapped, setTapped] = useState<'scan' | 'paste'>('scan');
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | undefined>();
  const [checkout, setCheckout] = useState(checkoutModeOn);
  const [camera] = useState(cameraScanSupported);
  const offline = useOfflineScans();
  const handledScene = useRef<string | null>(null);
  const busyRef = useRef(false);

  const submit = async (token: string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    const intent = checkoutModeOn() ? 'check_out' : undefined;
    try {
      const outcome = await checkIn(token, intent);
      if (outcome.kind === 'done') {
        setCheckoutMode(false);
        setCheckout(false);
        setPasted('');
        await Taro.navigateTo({ url: CHECKIN_RESULT_PAGE });
      } else if (outcome.kind === 'queued') {
        setCheckoutMode(false);
        setCheckout(false);
        setPasted('');
        await showModal({
          title: '网络不好，已先保存',
          content: `这次扫码已保存在手机上，网络恢复后会自动上传，${intent ? '签退' : '签到'}时间按刚才扫码的时间记录。`,
          showCancel: false,
          confirmText: '知道了',
        });
      } else {
        await showModal({
          title: intent ? '没有签退成功' : '没有签到成功',
          content: outcome.error.message,
          showCancel: false,
          confirmText: '知道了',
        });
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  // A WeChat code (or a code scanned before logging in) checks in at once.
  const takeWaitingCode = () => {
    const fromScene = scene && handledScene.current !== scene ? readCheckinToken(scene) : null;
    if (scene) handledScene.current = scene;
    if (!getToken()) {
      if (fromScene) keepPendingScan(fromScene);
      goToLogin();
      return;
    }
    const token = fromScene ?? takePendingScan();
    if (token) void submit(token);
    else if (scene && !fromScene) {
      void showModal({ title: '没有签到成功', content: NOT_A_CHECKIN_CODE, showCancel: false });
    }
  };
  useEffect(takeWaitingCode, [scene]);
  useDidShow(() => {
    setCheckout(checkoutModeOn());
    if (getToken()) {
      const token = takePendingScan();
      if (token) void submit(token);
    }
  });

  const scanInWechat = async () => {
    setTapped('scan');
    const scanned = await scanWithWechat();
    if (!scanned) return;
    if ('problem' in scanned) {
      void showModal({ title: '没有识别到签到码', content: scanned.problem, showCancel: false });
      return;
    }
    await submit(scanned.token);
  };

  const scanInBrowser = async () => {
    setTapped('scan');
    try {
      const text = await scanWithCamera();
      if (text === null) return;
      const token = readCheckinToken(text);
      if (token) await submit(token);
      else void showModal({ title: '没有识别到签到码', content: NOT_A_CHECKIN_CODE, showCancel: false });
    } catch (error) {
      void showModal({ title: '无法打开摄像头', content: (error as Error).message, showCancel: false });
    }
  };

  const submitPasted = () => {
    const token = readCheckinToken(pasted);
    if (!token) {
      setPasteError(pasted.trim() ? NOT_A_CHECKIN_CODE : '请先粘贴签到码');
      return;
    }
    setPasteError(undefined);
    setTapped('paste');
    void submit(token);
  };

  const action = checkout ? '签退' : '签到';
  // While a check-in is on its way the button tapped spins and the other waits.
  const busyProps = (button: 'scan' | 'paste') => ({
    loading: busy && tapped === button,
    disabled: busy && tapped !== button,
  });

  return (
    <Page className="scan-page">
      {checkout ? (
        <View className="rv-card scan-mode" role="status">
          <Text className="scan-mode__text">现在是签退：扫描活动现场的二维码即可签退。</Text>
          <Button
            size="small"
            onClick={() => {
              setCheckoutMode(false);
              setCheckout(false);
            }}
          >
            不签退
          </Button>
        </View>
      ) : null}

      <View className="rv-card scan-hero">
        <View className="scan-hero__icon">
          <Scan size={44} />
        </View>
        <Text className="scan-hero__title">扫码{action}</Text>
        <Text className="scan-hero__text">
          到达活动现场后，扫描组织者出示的二维码签到；离开时再扫一次签退，服务时长和积分自动记录。
        </Text>
        {!isH5 ? (
          <Button
            type="primary"
            size="xlarge"
            block
            {...busyProps('scan')}
            icon={<Scan size={24} />}
            onClick={() => void scanInWechat()}
          >
            扫一扫{action}
          </Button>
        ) : camera ? (
          <Button
            type="primary"
            size="xlarge"
            block
            {...busyProps('scan')}
            icon={<Photograph size={24} />}
            onClick={() => void scanInBrowser()}
          >
            打开摄像头
          </Button>
        ) : null}
      </View>

      {isH5 ? (
        <View className="rv-card scan-paste">
          <Field label="粘贴签到码" error={pasteError} hint="没有摄像头时，可把组织者发来的签到码粘贴到这里">
            <Input
              className="scan-paste__input"
              value={pasted}
              placeholder="在此粘贴签到码"
              clearable
              maxLength={200}
              onChange={(value) => {
                setPasted(value);
                setPasteError(undefined);
              }}
              onConfirm={submitPasted}
            />
          </Field>
          <Button type="primary" size="large" block {...busyProps('paste')} onClick={submitPasted}>
            {action}
          </Button>
        </View>
      ) : null}

      {offline.queued.length ? (
        <>
          <Text className="rv-section-title">待上传</Text>
          <View className="rv-card scan-queue">
            <View className="scan-queue__note">
              <Clock size={18} />
              <Text>网络恢复后自动上传，按扫码时的时间记录。</Text>
            </View>
            {offline.queued.map((scan) => (
              <QueuedRow key={scan.id} scan={scan} />
            ))}
            <Button
              className="scan-queue__send"
              size="large"
              block
              loading={offline.sending}
              onClick={offline.send}
            >
              立即上传
            </Button>
          </View>
        </>
      ) : null}

      {offline.sent.length ? (
        <>
          <Text className="rv-section-title">最近上传</Text>
          <View className="rv-card scan-queue">
            {offline.sent.map((sent) => (
              <SentRow key={sent.scan.id} sent={sent} />
            ))}
          </View>
        </>
      ) : null}

      <View className="rv-card scan-links">
        <View
          className="scan-links__row"
          role="button"
          onClick={() => void Taro.navigateTo({ url: ACTIVITIES_PAGE })}
        >
          <Text className="scan-links__title">志愿活动</Text>
          <Text className="scan-links__note">看看最近有哪些活动</Text>
          <ArrowRight size={16} />
        </View>
        <View
          className="scan-links__row"
          role="button"
          onClick={() => void Taro.navigateTo({ url: RECORDS_PAGE })}
        >
          <Text className="scan-links__title">我的服务记录</Text>
          <Text className="scan-links__note">签到、签退和服务时长</Text>
          <ArrowRight size={16} />
        </View>
      </View>
    </Page>
  );
}
