import { ReactNode, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Check, Scan } from '@nutui/icons-react-taro';
import { CheckinResponse, ErrorCode } from '@redvest/contract';
import { Badge } from '../components/Badge';
import { Page } from '../components/Page';
import { EmptyState } from '../components/states';
import { useRequireLogin } from '../hooks/useMe';
import {
  ACTION_TITLES,
  checkIn,
  lastCheckin,
  LastCheckin,
  scanWithWechat,
  setCheckoutMode,
} from '../services/checkin';
import { formatClock, formatDate, formatDuration } from '../services/format';
import { RECORDS_PAGE, TAB_PAGES } from '../services/routes';
import './checkin-result.scss';
import { showModal } from '../services/modal';

const isH5 = process.env.TARO_ENV === 'h5';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="result-fact">
      <Text className="result-fact__label">{label}</Text>
      <View className="result-fact__value">{children}</View>
    </View>
  );
}

/** What the volunteer earned: the points, and whether they still wait for the community's approval. */
function PointsFact({ result }: { result: CheckinResponse }) {
  const { points, pointsPending } = result.attendance;
  if (points === null) return null;
  return (
    <Fact label="积分">
      <Text className="result-points">{points} 积分</Text>
      {pointsPending ? <Badge tone="orange">待审批</Badge> : null}
    </Fact>
  );
}

/**
 * After a scan: 签到成功 / 已签到 / 签退成功 in big type, when, the activity and where; after 签退 the time
 * served and the points. While checked in, a big 签退 button.
 */
export default function CheckinResultPage() {
  useRequireLogin();
  const [last, setLast] = useState<LastCheckin | null>(lastCheckin);
  const [busy, setBusy] = useState(false);

  if (!last) {
    return (
      <Page className="result-page">
        <EmptyState
          icon={<Scan size={48} />}
          title="还没有签到"
          description="到活动现场扫描组织者出示的二维码即可签到。"
          actionText="去扫码"
          onAction={() => void Taro.switchTab({ url: TAB_PAGES.scan })}
        />
      </Page>
    );
  }

  const { result } = last;
  const { attendance, activity, action } = result;
  const checkedOut = action === 'checked_out';
  const time = checkedOut && attendance.checkedOutAt ? attendance.checkedOutAt : attendance.checkedInAt;

  const checkOut = async () => {
    const { confirm } = await showModal({
      title: '确认签退',
      content: isH5
        ? '签退后，本次活动就不能再签到了。确定现在签退吗？'
        : '签退后，本次活动就不能再签到了。确定后请扫描现场的二维码。',
      confirmText: '签退',
      cancelText: '再等等',
    });
    if (!confirm) return;
    let token = last.token;
    if (!isH5) {
      const scanned = await scanWithWechat();
      if (!scanned) return;
      if ('problem' in scanned) {
        void showModal({ title: '没有识别到签到码', content: scanned.problem, showCancel: false });
        return;
      }
      token = scanned.token;
    }
    setBusy(true);
    try {
      const outcome = await checkIn(token, 'check_out');
      if (outcome.kind === 'done') {
        setLast(lastCheckin());
      } else if (outcome.kind === 'queued') {
        await showModal({
          title: '网络不好，已先保存',
          content: '签退已保存在手机上，网络恢复后会自动上传，签退时间按现在记录。',
          showCancel: false,
          confirmText: '知道了',
        });
      } else if (outcome.error.code === ErrorCode.CheckinCodeExpired && isH5) {
        // The code of the check-in changed meanwhile: a new one from the organiser is needed.
        const { confirm: again } = await showModal({
          title: '签到码已更新',
          content: '现场的二维码已经换了新的，请扫描或粘贴新的签到码签退。',
          confirmText: '去签退',
          cancelText: '取消',
        });
        if (again) {
          setCheckoutMode(true);
          await Taro.switchTab({ url: TAB_PAGES.scan });
        }
      } else {
        await showModal({
          title: '没有签退成功',
          content: outcome.error.message,
          showCancel: false,
          confirmText: '知道了',
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="result-page">
      <View className={`result-hero${checkedOut ? ' result-hero--out' : ''}`} role="status">
        <View className="result-hero__icon">
          <Check size={56} />
        </View>
        <Text className="result-hero__title">{ACTION_TITLES[action]}</Text>
        <Text className="result-hero__time">
          {formatDate(time)} {formatClock(time)}
        </Text>
        {action === 'already_checked_in' ? (
          <Text className="result-hero__note">您刚才已经签到过了，不用再扫</Text>
        ) : null}
      </View>

      <View className="rv-card result-facts">
        <Text className="result-facts__title">{activity.title}</Text>
        <Fact label="地点">
          <Text>{activity.place}</Text>
        </Fact>
        <Fact label="签到">
          <Text>{formatClock(attendance.checkedInAt)}</Text>
        </Fact>
        {attendance.checkedOutAt ? (
          <Fact label="签退">
            <Text>{formatClock(attendance.checkedOutAt)}</Text>
          </Fact>
        ) : null}
        {attendance.minutes !== null ? (
          <Fact label="服务时长">
            <Text className="result-minutes">{formatDuration(attendance.minutes)}</Text>
          </Fact>
        ) : null}
        <PointsFact result={result} />
        {attendance.offline ? (
          <Text className="result-facts__note">离线扫码，本次记录需社区审核后入账。</Text>
        ) : null}
      </View>

      {checkedOut ? null : (
        <View className="rv-card result-checkout">
          <Text className="result-checkout__text">
            离开活动现场时请签退，服务时长从签到算到签退（活动 {formatClock(activity.endAt)} 结束）。
          </Text>
          <Button
            type="primary"
            size="xlarge"
            block
            loading={busy}
            className="result-checkout__button"
            onClick={() => void checkOut()}
          >
            签退
          </Button>
        </View>
      )}

      <View className="rv-actions">
        <Button size="large" onClick={() => void Taro.redirectTo({ url: RECORDS_PAGE })}>
          我的服务记录
        </Button>
        <Button size="large" onClick={() => void Taro.switchTab({ url: TAB_PAGES.scan })}>
          返回扫码
        </Button>
      </View>
    </Page>
  );
}
