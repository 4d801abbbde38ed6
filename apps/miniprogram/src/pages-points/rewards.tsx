import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ArrowRight, Gift } from '@nutui/icons-react-taro';
import { RedemptionView, RewardView } from '@redvest/contract';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useAsync, usePullToRefresh, useShownAgain } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { pickAccount, useMyPoints } from '../hooks/usePoints';
import { api } from '../services/api';
import { MY_ORDERS_PAGE, queryParam } from '../services/routes';
import { maxQuantity, RedeemDialog } from './RedeemDialog';
import './rewards.scss';
import { showToast } from '../services/toast';
import { imageAlt } from '../components/image-alt';

/** Why a reward cannot be taken now, written on its button; null when it can. */
function unavailable(reward: RewardView, balance: number): string | null {
  if (reward.stock <= 0) return '已兑完';
  if (balance < reward.cost) return '积分不足';
  return maxQuantity(reward, balance) > 0 ? null : '暂不可兑';
}

function RewardCard({
  reward,
  balance,
  onRedeem,
}: {
  reward: RewardView;
  balance: number;
  onRedeem: () => void;
}) {
  const blocked = unavailable(reward, balance);
  return (
    <View className="rv-card reward-card">
      {reward.photoUrl ? (
        <Image
          className="reward-card__photo"
          src={reward.photoUrl}
          mode="aspectFill"
          lazyLoad
          {...imageAlt(`${reward.name} 照片`)}
        />
      ) : (
        <View className="reward-card__photo reward-card__photo--none">
          <Gift size={36} />
        </View>
      )}
      <View className="reward-card__body">
        <Text className="reward-card__name">{reward.name}</Text>
        {reward.description ? <Text className="reward-card__description">{reward.description}</Text> : null}
        <View className="reward-card__foot">
          <View className="reward-card__facts">
            <Text className="reward-card__cost">{reward.cost} 积分</Text>
            <Text className="reward-card__stock">
              {reward.stock > 0 ? `库存 ${reward.stock} 件` : '暂时缺货'}
            </Text>
          </View>
          <Button type="primary" disabled={blocked !== null} onClick={onRedeem}>
            {blocked ?? '兑换'}
          </Button>
        </View>
      </View>
    </View>
  );
}

export default function RewardsPage() {
  useRequireLogin();
  const asked = queryParam(useRouter().params, 'cid');
  const points = useMyPoints();
  const account = pickAccount(points.data?.accounts, asked);
  const cid = asked ?? account?.communityId;
  const rewards = useAsync(() => api.rewards.list(cid ?? ''), [cid], { skip: !cid });
  usePullToRefresh(rewards.reload);
  // Back from 我的兑换, where a cancelled order put its stock back.
  useShownAgain(() => {
    if (cid) void rewards.reload();
  });
  const [redeeming, setRedeeming] = useState<RewardView | null>(null);
  const balance = account && account.communityId === cid ? account.points.balance : 0;

  const reloadAll = () => Promise.all([points.reload(), rewards.reload()]);

  const done = (order: RedemptionView) => {
    setRedeeming(null);
    void showToast({ title: '兑换成功', icon: 'success', duration: 2000 });
    // What the order took, shown at once; the reload confirms it.
    rewards.setData((current) =>
      current
        ? {
            items: current.items.map((item) =>
              item.id === order.rewardId ? { ...item, stock: item.stock - order.quantity } : item,
            ),
          }
        : current,
    );
    void reloadAll();
  };

  const body = () => {
    if (points.loading) return <LoadingState cards={3} rows={2} />;
    if (points.error) return <ErrorState error={points.error} onRetry={() => void reloadAll()} />;
    if (!cid) return <EmptyState title="还没有加入社区" description="加入社区后才能兑换商品。" />;
    if (rewards.error) return <ErrorState error={rewards.error} onRetry={() => void reloadAll()} />;
    if (rewards.loading || !rewards.data) return <LoadingState cards={3} rows={2} />;
    const items = rewards.data?.items ?? [];
    if (!items.length) {
      return (
        <EmptyState
          icon={<Gift size={48} />}
          title="暂时没有可兑换的商品"
          description="社区上架商品后会出现在这里。"
        />
      );
    }
    return items.map((reward) => (
      <RewardCard key={reward.id} reward={reward} balance={balance} onRedeem={() => setRedeeming(reward)} />
    ));
  };

  return (
    <Page className="rewards-page">
      <View className="rv-card rewards-balance">
        <View className="rewards-balance__text">
          <Text className="rewards-balance__label">我的可用积分</Text>
          <Text className="rewards-balance__number">{account && !points.loading ? balance : '—'}</Text>
        </View>
        <View
          className="rewards-balance__orders"
          role="button"
          onClick={() => void Taro.navigateTo({ url: MY_ORDERS_PAGE })}
        >
          <Text>我的兑换</Text>
          <ArrowRight size={16} />
        </View>
      </View>
      {body()}
      {redeeming ? (
        <RedeemDialog
          reward={redeeming}
          balance={balance}
          onDone={done}
          onCancel={(uncertain) => {
            setRedeeming(null);
            if (uncertain) void reloadAll();
          }}
          onFailed={() => {
            setRedeeming(null);
            void reloadAll();
          }}
        />
      ) : null}
    </Page>
  );
}
