import { ReactNode, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Gift, Order, Star } from '@nutui/icons-react-taro';
import {
  MyPointsAccount,
  MyTransferView,
  TransferStatus,
  TRANSFER_STATUS_LABELS,
  Unit,
} from '@redvest/contract';
import { Badge, BadgeTone } from '../components/Badge';
import { Page } from '../components/Page';
import { Segmented } from '../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { useShownAgain } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { usePagedList } from '../hooks/usePagedList';
import { pickAccount, useMyPoints } from '../hooks/usePoints';
import { api } from '../services/api';
import { formatDateTime, formatDuration, signed } from '../services/format';
import { joinPage, leaderboardPage, MY_ORDERS_PAGE, rewardsPage } from '../services/routes';
import './index.scss';

const UNITS = [
  { key: Unit.Points, label: '积分明细' },
  { key: Unit.Minutes, label: '服务时长明细' },
] as const;

/** Statuses worth a tag; posted lines are the normal case and carry none. */
const STATUS_TONES: Partial<Record<TransferStatus, BadgeTone>> = {
  [TransferStatus.Pending]: 'orange',
  [TransferStatus.Voided]: 'red',
  [TransferStatus.Reversed]: 'blue',
};

/** My balance, what waits for approval and my service hours in one community. */
export function PointsCard({
  account,
  active,
  onClick,
}: {
  account: MyPointsAccount;
  active?: boolean;
  onClick?: () => void;
}) {
  return (
    <View
      className={`points-card${active ? ' points-card--active' : ''}`}
      onClick={onClick}
      aria-label={`${account.communityName}，可用积分 ${account.points.balance}`}
    >
      <View className="points-card__head">
        <Text className="points-card__community">{account.communityName}</Text>
        {active ? <Text className="points-card__chosen">正在查看</Text> : null}
      </View>
      <Text className="points-card__label">可用积分</Text>
      <Text className="points-card__balance">{account.points.balance}</Text>
      <View className="points-card__facts">
        <View className="points-card__fact">
          <Text className="points-card__fact-label">待审批</Text>
          <Text className="points-card__fact-value">
            <Text className="points-card__pending">{account.points.pending}</Text> 积分
          </Text>
        </View>
        <View className="points-card__fact">
          <Text className="points-card__fact-label">服务时长</Text>
          <Text className="points-card__fact-value">
            <Text className="points-card__hours">{formatDuration(account.minutes.balance)}</Text>
          </Text>
        </View>
      </View>
      {account.minutes.pending ? (
        <Text className="points-card__note">
          另有 {formatDuration(account.minutes.pending)}服务时长待审批
        </Text>
      ) : null}
    </View>
  );
}

/** One line of my history: why, for what, when, and how much (green +, red −). */
function LedgerRow({ item }: { item: MyTransferView }) {
  const negative = item.delta < 0;
  const size = Math.abs(item.delta);
  const amount = item.unit === Unit.Minutes ? signed(formatDuration(size), negative) : signed(size, negative);
  const tone = STATUS_TONES[item.status];
  const voided = item.status === TransferStatus.Voided;
  return (
    <View className="ledger-row">
      <View className="ledger-row__main">
        <View className="ledger-row__title">
          <Text className="ledger-row__reason">{item.codeLabel}</Text>
          {tone ? <Badge tone={tone}>{TRANSFER_STATUS_LABELS[item.status]}</Badge> : null}
        </View>
        {item.memo ? <Text className="ledger-row__memo">{item.memo}</Text> : null}
        <Text className="ledger-row__time">{formatDateTime(item.createdAt)}</Text>
      </View>
      <Text
        className={`ledger-row__amount ${
          voided
            ? 'ledger-row__amount--void'
            : negative
              ? 'ledger-row__amount--minus'
              : 'ledger-row__amount--plus'
        }`}
      >
        {amount}
      </Text>
    </View>
  );
}

function Shortcut({ icon, title, onClick }: { icon: ReactNode; title: string; onClick: () => void }) {
  return (
    <View className="points-shortcut" role="button" aria-label={title} onClick={onClick}>
      <View className="points-shortcut__icon">{icon}</View>
      <Text className="points-shortcut__title">{title}</Text>
    </View>
  );
}

export default function PointsPage() {
  useRequireLogin();
  const points = useMyPoints();
  const [chosen, setChosen] = useState<string | null>(null);
  const [unit, setUnit] = useState<Unit>(Unit.Points);
  const accounts = points.data?.accounts ?? [];
  const account = pickAccount(accounts, chosen);
  const cid = account?.communityId;
  const history = usePagedList<MyTransferView>(
    (cursor) => api.points.myTransfers({ communityId: cid, unit, cursor, limit: 20 }),
    [cid, unit],
    { skip: !cid },
  );

  // Back from a redemption: the history has a new line.
  useShownAgain(() => {
    if (cid) void history.reload();
  });

  if (points.loading) {
    return (
      <Page className="points-page">
        <LoadingState cards={2} rows={3} />
      </Page>
    );
  }
  if (points.error || !points.data) {
    return (
      <Page className="points-page">
        <ErrorState error={points.error ?? new Error('没有数据')} onRetry={points.reload} />
      </Page>
    );
  }
  if (!account) {
    return (
      <Page className="points-page">
        <EmptyState
          title="还没有加入社区"
          description="加入社区后，参加志愿服务就能积攒爱心积分，兑换生活用品。"
          actionText="加入社区"
          onAction={() => void Taro.navigateTo({ url: joinPage() })}
        />
      </Page>
    );
  }

  const several = accounts.length > 1;
  const historyBody = () => {
    if (history.loading || (!history.data && !history.error)) return <LoadingState cards={1} rows={4} />;
    if (history.error) return <ErrorState error={history.error} onRetry={history.reload} />;
    if (!history.items.length) {
      return (
        <EmptyState
          title={unit === Unit.Points ? '还没有积分记录' : '还没有服务时长记录'}
          description="参加志愿服务、完成微心愿后，每一笔都会记在这里。"
        />
      );
    }
    return (
      <>
        <View className="rv-card ledger-list">
          {history.items.map((item) => (
            <LedgerRow key={item.id} item={item} />
          ))}
        </View>
        <ListFooter loading={history.loadingMore} done={!history.hasMore} />
      </>
    );
  };

  return (
    <Page className="points-page">
      {accounts.map((item) => (
        <PointsCard
          key={item.communityId}
          account={item}
          active={several && item.communityId === cid}
          onClick={several ? () => setChosen(item.communityId) : undefined}
        />
      ))}
      {several ? <Text className="rv-muted points-hint">点选社区，查看该社区的明细</Text> : null}

      <View className="points-shortcuts">
        <Shortcut
          icon={<Gift size={28} />}
          title="积分兑换"
          onClick={() => void Taro.navigateTo({ url: rewardsPage(account.communityId) })}
        />
        <Shortcut
          icon={<Star size={28} />}
          title="排行榜"
          onClick={() => void Taro.navigateTo({ url: leaderboardPage(account.communityId) })}
        />
        <Shortcut
          icon={<Order size={28} />}
          title="我的兑换"
          onClick={() => void Taro.navigateTo({ url: MY_ORDERS_PAGE })}
        />
      </View>

      <Text className="rv-section-title">收支明细{several ? ` · ${account.communityName}` : ''}</Text>
      <Segmented items={UNITS} value={unit} onChange={setUnit} />
      {historyBody()}
    </Page>
  );
}
