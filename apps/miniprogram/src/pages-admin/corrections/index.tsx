import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Edit } from '@nutui/icons-react-taro';
import { CORRECTION_STATUS_LABELS, CorrectionStatus, CorrectionView, ErrorCode } from '@redvest/contract';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { toApiError } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { formatDateTime, formatDuration } from '../../services/format';
import { queryParam } from '../../services/routes';
import './index.scss';
import { showToast } from '../../services/toast';

const TABS: readonly { key: CorrectionStatus; label: string }[] = [
  { key: 'pending', label: CORRECTION_STATUS_LABELS.pending },
  { key: 'accepted', label: CORRECTION_STATUS_LABELS.accepted },
  { key: 'refused', label: CORRECTION_STATUS_LABELS.refused },
];

const EMPTY: Record<CorrectionStatus, { title: string; description: string }> = {
  pending: {
    title: '没有待处理的更正申请',
    description: '志愿者觉得服务时长记错了，可以申请更正，申请会出现在这里。',
  },
  accepted: { title: '还没有同意过更正', description: '同意的更正申请会出现在这里。' },
  refused: { title: '还没有不同意的更正', description: '不同意的更正申请会出现在这里。' },
};

type Decision = { correction: CorrectionView; action: 'accept' | 'refuse' };

const ACCEPT_REASONS = ['已与现场负责人核实', '签退时网络故障，已核实'];
const REFUSE_REASONS = ['与签到记录相符，无需更正', '未能核实实际服务时长'];

function difference(correction: CorrectionView): string {
  const delta = correction.requestedMinutes - correction.recordedMinutes;
  if (!delta) return '与记录相同';
  return `比记录${delta > 0 ? '多' : '少'} ${formatDuration(Math.abs(delta))}`;
}

function CorrectionCard({
  correction,
  locked,
  onDecide,
}: {
  correction: CorrectionView;
  locked: boolean;
  onDecide: (action: Decision['action']) => void;
}) {
  const pending = correction.status === 'pending';
  return (
    <View className="rv-card correction-card">
      <View className="correction-card__head">
        <Text className="correction-card__name">{correction.userName || '（未留姓名）'}</Text>
        {pending ? null : (
          <Badge tone={correction.status === 'accepted' ? 'green' : 'orange'} round>
            {CORRECTION_STATUS_LABELS[correction.status]}
          </Badge>
        )}
      </View>
      <Text className="correction-card__activity">{correction.activityTitle}</Text>
      <View className="correction-card__minutes">
        <View className="correction-card__minute">
          <Text className="correction-card__minute-label">记录的时长</Text>
          <Text className="correction-card__minute-value">{formatDuration(correction.recordedMinutes)}</Text>
        </View>
        <Text className="correction-card__arrow">→</Text>
        <View className="correction-card__minute">
          <Text className="correction-card__minute-label">申请改为</Text>
          <Text className="correction-card__minute-value correction-card__minute-value--asked">
            {formatDuration(correction.requestedMinutes)}
          </Text>
          <Text className="correction-card__delta">{difference(correction)}</Text>
        </View>
      </View>
      <Text className="correction-card__reason">申请理由：{correction.reason}</Text>
      <Text className="correction-card__time">申请时间：{formatDateTime(correction.createdAt)}</Text>
      {!pending ? (
        <View className="correction-card__decision">
          <Text>处理意见：{correction.decisionReason ?? '—'}</Text>
          {correction.decidedAt ? (
            <Text className="correction-card__time">处理时间：{formatDateTime(correction.decidedAt)}</Text>
          ) : null}
        </View>
      ) : (
        <View className="rv-actions">
          <Button size="large" disabled={locked} onClick={() => onDecide('refuse')}>
            不同意
          </Button>
          <Button type="primary" size="large" disabled={locked} onClick={() => onDecide('accept')}>
            同意
          </Button>
        </View>
      )}
    </View>
  );
}

export default function CorrectionsPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const [tab, setTab] = useState<CorrectionStatus>('pending');
  const list = usePagedList<CorrectionView>(
    (cursor) => api.records.corrections(cid, { status: tab, cursor, limit: 20 }),
    [cid, tab],
  );
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (reason: string) => {
    if (!deciding || busy) return;
    const { correction, action } = deciding;
    setBusy(true);
    try {
      if (action === 'accept') await api.records.accept(correction.id, reason);
      else await api.records.refuse(correction.id, reason);
      list.updateItems((items) => items.filter((item) => item.id !== correction.id));
      setDeciding(null);
      void showToast({ title: action === 'accept' ? '已同意更正' : '已告知志愿者', icon: 'success' });
    } catch (caught) {
      const error = toApiError(caught);
      setDeciding(null);
      if (error.code === ErrorCode.CorrectionDecided) {
        // Someone else decided it meanwhile.
        list.updateItems((items) => items.filter((item) => item.id !== correction.id));
        void showToast({ title: '这条已被他人处理', icon: 'none', duration: 2500 });
      } else {
        void showToast({ title: error.message, icon: 'none', duration: 3000 });
      }
    } finally {
      setBusy(false);
    }
  };

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={3} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) return <EmptyState icon={<Edit size={48} />} {...EMPTY[tab]} />;
    return (
      <>
        {tab === 'pending' ? (
          <Text className="rv-section-title">同意后服务时长改为申请的时长，按小时计分的活动积分随之调整</Text>
        ) : null}
        {list.items.map((correction) => (
          <CorrectionCard
            key={correction.id}
            correction={correction}
            locked={busy}
            onDecide={(action) => setDeciding({ correction, action })}
          />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  const who = deciding?.correction.userName || '志愿者';
  return (
    <Page className="corrections-page">
      <Segmented items={TABS} value={tab} onChange={setTab} />
      {body()}
      {deciding ? (
        <ReasonDialog
          key={`${deciding.correction.id}-${deciding.action}`}
          title={deciding.action === 'accept' ? '同意更正' : '不同意更正'}
          prompt={
            deciding.action === 'accept'
              ? `把${who}的服务时长改为 ${formatDuration(deciding.correction.requestedMinutes)}。请填写依据（必填）：`
              : `请填写原因（必填），${who}能看到：`
          }
          confirmText={deciding.action === 'accept' ? '确定同意' : '确定不同意'}
          presets={deciding.action === 'accept' ? ACCEPT_REASONS : REFUSE_REASONS}
          maxLength={200}
          busy={busy}
          onCancel={() => setDeciding(null)}
          onConfirm={(reason) => void decide(reason)}
        />
      ) : null}
    </Page>
  );
}
