import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Edit, QrCode, User } from '@nutui/icons-react-taro';
import {
  ATTENDANCE_STATUS_LABELS,
  AttendanceStatus,
  AttendeeView,
  ActivityView,
  ErrorCode,
  MemberView,
} from '@redvest/contract';
import { Badge, BadgeTone } from '../../components/Badge';
import { memberName } from '../../components/members';
import { Page } from '../../components/Page';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh, useShownAgain } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { formatClock, formatDuration, formatTimeRange } from '../../services/format';
import { activityEditPage, liveCode, poster, queryParam } from '../../services/routes';
import { attendanceText, Fact, PhaseBadge, pointsRuleText } from '../activities/ActivitySummary';
import { exportAttendance } from './export';
import { ProxyCheckinDialog } from './ProxyCheckinDialog';
import './index.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

const STATUS_TONES: Record<AttendanceStatus, BadgeTone> = {
  open: 'green',
  closed: 'blue',
  unclosed: 'orange',
};

const CANCEL_REASONS = ['天气原因，活动延期', '场地临时有变', '报名人数不足'];

function toast(error: unknown) {
  void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
}

function AttendeeRow({
  attendee,
  canCheckOut,
  busy,
  locked,
  onCheckOut,
}: {
  attendee: AttendeeView;
  canCheckOut: boolean;
  busy: boolean;
  locked: boolean;
  onCheckOut: () => void;
}) {
  return (
    <View className="attendee">
      <View className="attendee__head">
        <Text className="attendee__name">{attendee.name || '（未留姓名）'}</Text>
        <Badge tone={STATUS_TONES[attendee.status]} round>
          {ATTENDANCE_STATUS_LABELS[attendee.status]}
        </Badge>
      </View>
      <View className="attendee__line">
        <Text>{attendee.phone ?? '未留电话'}</Text>
        {attendee.proxyBy ? <Badge tone="blue">代签</Badge> : null}
        {attendee.offline ? <Badge tone="orange">离线</Badge> : null}
      </View>
      <View className="attendee__line attendee__times">
        <Text>签到 {formatClock(attendee.checkedInAt)}</Text>
        <Text>签退 {attendee.checkedOutAt ? formatClock(attendee.checkedOutAt) : '—'}</Text>
        {attendee.minutes !== null ? <Text>时长 {formatDuration(attendee.minutes)}</Text> : null}
        {attendee.points !== null ? (
          <Text>
            积分 {attendee.points}
            {attendee.pointsPending ? '（待审批）' : ''}
          </Text>
        ) : null}
      </View>
      {canCheckOut && attendee.status === 'open' ? (
        <View className="attendee__action">
          <Button size="small" loading={busy} disabled={locked && !busy} onClick={onCheckOut}>
            代签退
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default function ActivityAdminPage() {
  useRequireLogin();
  const activityId = queryParam(useRouter().params, 'activityId') ?? '';
  const activity = useAsync(() => api.activities.get(activityId), [activityId]);
  const attendees = useAsync(() => api.activities.attendances(activityId), [activityId]);
  const reload = () => Promise.all([activity.reload(), attendees.reload()]);
  usePullToRefresh(reload);
  // Back from 编辑 or from the live code (people checked in meanwhile).
  useShownAgain(() => void reload());

  // The attendance being checked out, 'proxy' while checking someone in, 'cancel', 'export'.
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'proxy' | 'cancel' | null>(null);

  if (activity.loading) {
    return (
      <Page className="activity-admin-page">
        <LoadingState cards={2} rows={4} />
      </Page>
    );
  }
  if (activity.error || !activity.data) {
    return (
      <Page className="activity-admin-page">
        <ErrorState error={activity.error ?? new Error('没有数据')} onRetry={() => void reload()} />
      </Page>
    );
  }

  const view: ActivityView = activity.data;
  const cancelled = view.phase === 'cancelled';
  const open = view.phase === 'upcoming' || view.phase === 'running';
  const items = attendees.data?.items ?? [];
  const present = new Set(items.map((item) => item.userId));

  const checkIn = async (member: MemberView) => {
    if (busy) return;
    setBusy('proxy');
    try {
      await api.activities.proxyCheckin(view.id, { userId: member.userId, action: 'check_in' });
      setDialog(null);
      void showToast({ title: `${memberName(member)}已签到`, icon: 'success' });
      await reload();
    } catch (error) {
      toast(error);
    } finally {
      setBusy(null);
    }
  };

  const checkOut = async (attendee: AttendeeView) => {
    if (busy) return;
    const { confirm } = await showModal({
      title: '代签退',
      content: `为${attendee.name || '该成员'}签退？签退时间按现在记录。`,
      confirmText: '签退',
    });
    if (!confirm) return;
    setBusy(attendee.id);
    try {
      await api.activities.proxyCheckin(view.id, { userId: attendee.userId, action: 'check_out' });
      void showToast({ title: '已签退', icon: 'success' });
      await reload();
    } catch (error) {
      toast(error);
      void attendees.reload();
    } finally {
      setBusy(null);
    }
  };

  const cancel = async (reason: string) => {
    if (busy) return;
    setBusy('cancel');
    try {
      const saved = await api.activities.cancel(view.id, reason);
      activity.setData(() => saved);
      setDialog(null);
      void showToast({ title: '活动已取消', icon: 'success' });
    } catch (caught) {
      const error = toApiError(caught);
      setDialog(null);
      toast(error);
      if (error.code === ErrorCode.ActivityCancelled) void activity.reload();
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    if (busy) return;
    setBusy('export');
    try {
      await exportAttendance(view);
      if (process.env.TARO_ENV === 'h5') void showToast({ title: '已开始下载', icon: 'success' });
    } catch (error) {
      toast(error);
    } finally {
      setBusy(null);
    }
  };

  const attendanceList = () => {
    if (attendees.loading) return <LoadingState cards={1} rows={3} />;
    if (attendees.error)
      return <ErrorState error={attendees.error} onRetry={() => void attendees.reload()} />;
    if (!items.length) {
      return (
        <EmptyState
          icon={<User size={48} />}
          title="还没有人签到"
          description={
            open ? '志愿者扫描签到码后会出现在这里；不方便扫码的成员可以代签到。' : '这次活动没有签到记录。'
          }
        />
      );
    }
    return (
      <View className="rv-card attendee-list">
        {items.map((attendee) => (
          <AttendeeRow
            key={attendee.id}
            attendee={attendee}
            canCheckOut={!cancelled}
            busy={busy === attendee.id}
            locked={busy !== null}
            onCheckOut={() => void checkOut(attendee)}
          />
        ))}
      </View>
    );
  };

  return (
    <Page className="activity-admin-page">
      <View className="rv-card activity-summary">
        <View className="activity-summary__head">
          <Text className="activity-summary__title">{view.title}</Text>
          <PhaseBadge phase={view.phase} />
        </View>
        <View className="activity-summary__count">
          <Text className="activity-summary__count-label">已签到</Text>
          <Text className="activity-summary__count-value">{attendanceText(view)}</Text>
        </View>
        <Fact label="时间">{formatTimeRange(view.startAt, view.endAt)}</Fact>
        <Fact label="地点">{view.place}</Fact>
        <Fact label="类别">{view.category}</Fact>
        <Fact label="积分">{`${pointsRuleText(view.pointsRule)}，${view.autoApprove ? '自动到账' : '需审批'}`}</Fact>
        {view.enrolmentRequired ? (
          <Fact label="报名">{`需报名，已报名 ${view.enrolledCount} 人`}</Fact>
        ) : null}
        {view.radiusM !== null ? <Fact label="定位签到">{`活动地点 ${view.radiusM} 米内`}</Fact> : null}
        {view.description ? <Fact label="说明">{view.description}</Fact> : null}
        {cancelled ? (
          <View className="activity-summary__cancelled" role="note">
            活动已取消{view.cancelReason ? `：${view.cancelReason}` : ''}
          </View>
        ) : null}
      </View>

      {open ? (
        <View className="activity-codes">
          <Button
            type="primary"
            size="large"
            block
            icon={<QrCode size={22} />}
            onClick={() => void Taro.navigateTo({ url: liveCode(view.id) })}
          >
            显示签到码
          </Button>
          <Button
            type="primary"
            fill="outline"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: poster(view.id) })}
          >
            打印海报
          </Button>
        </View>
      ) : null}

      <View className="attendance-head">
        <Text className="attendance-head__title">签到名单{items.length ? `（${items.length} 人）` : ''}</Text>
      </View>
      {!cancelled || items.length ? (
        <View className="rv-actions attendance-actions">
          {!cancelled ? (
            <Button size="large" disabled={busy !== null} onClick={() => setDialog('proxy')}>
              代签到
            </Button>
          ) : null}
          {items.length ? (
            <Button
              size="large"
              loading={busy === 'export'}
              disabled={busy !== null && busy !== 'export'}
              onClick={() => void download()}
            >
              导出名单
            </Button>
          ) : null}
        </View>
      ) : null}
      {attendanceList()}

      {open ? (
        <View className="rv-actions activity-manage">
          <Button
            size="large"
            icon={<Edit size={18} />}
            disabled={busy !== null}
            onClick={() => void Taro.navigateTo({ url: activityEditPage({ activityId: view.id }) })}
          >
            编辑活动
          </Button>
          <Button
            size="large"
            type="danger"
            fill="outline"
            disabled={busy !== null}
            onClick={() => setDialog('cancel')}
          >
            取消活动
          </Button>
        </View>
      ) : null}

      {dialog === 'proxy' ? (
        <ProxyCheckinDialog
          cid={view.communityId}
          present={present}
          busy={busy === 'proxy'}
          onCancel={() => setDialog(null)}
          onConfirm={(member) => void checkIn(member)}
        />
      ) : null}
      {dialog === 'cancel' ? (
        <ReasonDialog
          title="取消活动"
          prompt={`取消“${view.title}”后不能再签到，居民在活动页能看到取消原因（必填）：`}
          confirmText="确定取消"
          presets={CANCEL_REASONS}
          busy={busy === 'cancel'}
          onCancel={() => setDialog(null)}
          onConfirm={(reason) => void cancel(reason)}
        />
      ) : null}
    </Page>
  );
}
