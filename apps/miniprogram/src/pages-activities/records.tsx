import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import {
  ATTENDANCE_STATUS_LABELS,
  AttendanceView,
  MembershipStatus,
  MyPointsAccount,
} from '@redvest/contract';
import { Badge, BadgeTone } from '../components/Badge';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { currentMembership, useMe } from '../hooks/useMe';
import { pickAccount, useMyPoints } from '../hooks/usePoints';
import { usePagedList } from '../hooks/usePagedList';
import { api } from '../services/api';
import { formatClock, formatDate, formatDuration } from '../services/format';
import { ACTIVITIES_PAGE } from '../services/routes';
import { CertificateDialog, CertificateEntry, CorrectionDialog } from './records-dialogs';
import './records.scss';
import { showModal } from '../services/modal';

const STATUS_TONES: Record<AttendanceView['status'], BadgeTone> = {
  closed: 'green',
  open: 'blue',
  unclosed: 'orange',
};

/** One attendance: the activity, the day, in and out, the time served and the points, with its notes. */
function RecordCard({ record, onCorrect }: { record: AttendanceView; onCorrect: () => void }) {
  return (
    <View className="rv-card record-card">
      <View className="record-card__head">
        <Text className="record-card__title">{record.activityTitle}</Text>
        <Badge tone={STATUS_TONES[record.status]}>{ATTENDANCE_STATUS_LABELS[record.status]}</Badge>
      </View>
      <Text className="record-card__date">{formatDate(record.checkedInAt)}</Text>
      <View className="record-card__times">
        <Text>签到 {formatClock(record.checkedInAt)}</Text>
        <Text>签退 {record.checkedOutAt ? formatClock(record.checkedOutAt) : '—'}</Text>
      </View>
      <View className="record-card__facts">
        <Text className="record-card__minutes">
          {record.minutes !== null
            ? `${formatDuration(record.minutes)}${record.pointsPending ? '（待审批）' : ''}`
            : '服务中'}
        </Text>
        {record.points !== null ? (
          <Text className="record-card__points">
            {record.points} 积分{record.pointsPending ? '（待审批）' : ''}
          </Text>
        ) : null}
      </View>
      {record.offline || record.proxyBy || record.status === 'unclosed' ? (
        <View className="rv-tags">
          {record.offline ? <Badge tone="orange">离线</Badge> : null}
          {record.proxyBy ? <Badge tone="blue">代签到</Badge> : null}
          {record.status === 'unclosed' ? (
            <Text className="record-card__note">没有签退，时长按社区规定记录</Text>
          ) : null}
        </View>
      ) : null}
      {record.status !== 'open' ? (
        <View className="record-card__actions">
          <Button size="small" onClick={onCorrect}>
            申请更正
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/**
 * What the ledger holds of my service in the community: the same figures as 我的积分 (one source), what waits
 * for approval apart.
 */
function ServiceTotal({ account }: { account: MyPointsAccount }) {
  return (
    <View className="rv-card records-total">
      <Text className="records-total__label">{account.communityName} 累计服务时长</Text>
      <Text className="records-total__minutes">{formatDuration(account.minutes.balance)}</Text>
      {account.minutes.pending ? (
        <Text className="records-total__pending">
          另有 {formatDuration(account.minutes.pending)}待审批，审批后计入，也才能写进志愿服务证明
        </Text>
      ) : null}
    </View>
  );
}

/** 我的服务记录: every activity I checked in to, 申请更正 of a record, and 志愿服务证明. */
export default function RecordsPage() {
  const me = useMe();
  const records = usePagedList<AttendanceView>((cursor) => api.checkins.mine({ cursor, limit: 20 }), [], {
    skip: me.loading,
  });
  const points = useMyPoints({ skip: me.loading });
  const account = pickAccount(points.data?.accounts, currentMembership(me.data)?.communityId);
  const [correcting, setCorrecting] = useState<AttendanceView | null>(null);
  const [certifying, setCertifying] = useState(false);
  const communities = (me.data?.memberships ?? []).filter((m) => m.status === MembershipStatus.Active);

  const body = () => {
    if (records.loading || (!records.data && !records.error)) return <LoadingState cards={3} rows={3} />;
    if (records.error) return <ErrorState error={records.error} onRetry={records.reload} />;
    if (!records.items.length) {
      return (
        <EmptyState
          icon={<Order size={48} />}
          title="还没有服务记录"
          description="参加志愿活动并扫码签到后，每一次服务都会记在这里。"
          actionText="看看志愿活动"
          onAction={() => void Taro.navigateTo({ url: ACTIVITIES_PAGE })}
        />
      );
    }
    return (
      <>
        {records.items.map((record) => (
          <RecordCard key={record.id} record={record} onCorrect={() => setCorrecting(record)} />
        ))}
        <ListFooter loading={records.loadingMore} done={!records.hasMore} />
      </>
    );
  };

  if (me.error) {
    return (
      <Page className="records-page">
        <ErrorState error={me.error} onRetry={me.reload} />
      </Page>
    );
  }

  return (
    <Page className="records-page">
      {account ? <ServiceTotal account={account} /> : null}
      {communities.length ? <CertificateEntry onOpen={() => setCertifying(true)} /> : null}
      <Text className="rv-section-title">服务记录</Text>
      {body()}
      {correcting ? (
        <CorrectionDialog
          attendance={correcting}
          onCancel={() => setCorrecting(null)}
          onDone={() => {
            setCorrecting(null);
            void showModal({
              title: '已提交',
              content: '更正申请已提交，社区工作人员核实后会处理。',
              showCancel: false,
              confirmText: '知道了',
            });
          }}
        />
      ) : null}
      {certifying ? (
        <CertificateDialog memberships={communities} onClose={() => setCertifying(false)} />
      ) : null}
    </Page>
  );
}
