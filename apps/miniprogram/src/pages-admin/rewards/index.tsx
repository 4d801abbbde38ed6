import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Gift, Order, Plus } from '@nutui/icons-react-taro';
import { RedemptionView, RewardView } from '@redvest/contract';
import { Badge } from '../../components/Badge';
import { OrderSummary } from '../../components/OrderSummary';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { queryParam } from '../../services/routes';
import { RewardEditor } from './RewardEditor';
import './index.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

type Tab = 'rewards' | 'orders';
const TABS = [
  { key: 'rewards', label: '兑换商品' },
  { key: 'orders', label: '待领取订单' },
] as const;

const NEW = 'new';

function toast(error: unknown) {
  void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
}

export default function AdminRewardsPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const [tab, setTab] = useState<Tab>('rewards');
  const rewards = useAsync(() => api.rewards.list(cid, true), [cid]);
  usePullToRefresh(rewards.reload);
  const orders = usePagedList<RedemptionView>(
    (cursor) => api.rewards.orders(cid, { status: 'placed', cursor, limit: 20 }),
    [cid],
  );
  // The reward being edited, NEW while adding one.
  const [editing, setEditing] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  const replace = (saved: RewardView) =>
    rewards.setData((current) => {
      const items = current?.items ?? [];
      const known = items.some((item) => item.id === saved.id);
      return {
        items: known ? items.map((item) => (item.id === saved.id ? saved : item)) : [saved, ...items],
      };
    });

  const toggleActive = async (reward: RewardView) => {
    if (working) return;
    if (reward.active) {
      const { confirm } = await showModal({
        title: '下架商品',
        content: `下架后居民看不到“${reward.name}”，已兑换的订单不受影响。`,
        confirmText: '下架',
      });
      if (!confirm) return;
    }
    setWorking(reward.id);
    try {
      replace(await api.rewards.update(reward.id, { active: !reward.active }));
      void showToast({ title: reward.active ? '已下架' : '已上架', icon: 'success' });
    } catch (error) {
      toast(error);
    } finally {
      setWorking(null);
    }
  };

  const closeOrder = async (order: RedemptionView, action: 'pickUp' | 'cancel') => {
    if (working) return;
    const what = `${order.userName}的“${order.rewardName} × ${order.quantity}”`;
    const { confirm } = await showModal(
      action === 'pickUp'
        ? { title: '确认领取', content: `确认${what}已领取？`, confirmText: '已领取' }
        : {
            title: '取消订单',
            content: `取消${what}？${order.total} 积分会退回给兑换人，库存恢复。`,
            confirmText: '取消订单',
            cancelText: '再想想',
          },
    );
    if (!confirm) return;
    setWorking(order.id);
    try {
      if (action === 'pickUp') await api.rewards.pickUp(order.id);
      else await api.rewards.cancel(order.id, { reason: '社区服务站取消' });
      orders.updateItems((items) => items.filter((item) => item.id !== order.id));
      void showToast({ title: action === 'pickUp' ? '已确认领取' : '已取消并退回', icon: 'success' });
      // Cancelling puts the stock back.
      if (action === 'cancel') void rewards.reload();
    } catch (error) {
      toast(error);
      void orders.reload();
    } finally {
      setWorking(null);
    }
  };

  const rewardsBody = () => {
    if (rewards.loading) return <LoadingState cards={3} rows={2} />;
    if (rewards.error) return <ErrorState error={rewards.error} onRetry={rewards.reload} />;
    const items = rewards.data?.items ?? [];
    return (
      <>
        {editing === NEW ? (
          <View className="rv-card">
            <RewardEditor
              cid={cid}
              onCancel={() => setEditing(null)}
              onSaved={(saved) => {
                replace(saved);
                setEditing(null);
              }}
            />
          </View>
        ) : (
          <View className="admin-rewards__add">
            <Button
              type="primary"
              fill="outline"
              size="large"
              block
              icon={<Plus size={18} />}
              onClick={() => setEditing(NEW)}
            >
              添加商品
            </Button>
          </View>
        )}
        {!items.length ? (
          <EmptyState
            icon={<Gift size={48} />}
            title="还没有兑换商品"
            description="添加商品后，居民就能用积分兑换。"
          />
        ) : (
          items.map((reward) => (
            <View
              className={`rv-card admin-reward${reward.active ? '' : ' admin-reward--inactive'}`}
              key={reward.id}
            >
              <View className="admin-reward__head">
                <Text className="admin-reward__name">{reward.name}</Text>
                <Badge tone={reward.active ? 'green' : 'orange'} round>
                  {reward.active ? '上架中' : '已下架'}
                </Badge>
              </View>
              <View className="admin-reward__facts">
                <Text>
                  <Text className="admin-reward__cost">{reward.cost}</Text> 积分
                </Text>
                <Text className={reward.stock > 0 ? '' : 'admin-reward__empty'}>
                  库存 {reward.stock} 件{reward.stock > 0 ? '' : '（缺货）'}
                </Text>
              </View>
              {reward.description ? <Text className="rv-muted">{reward.description}</Text> : null}
              {editing === reward.id ? (
                <RewardEditor
                  cid={cid}
                  reward={reward}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    replace(saved);
                    setEditing(null);
                  }}
                />
              ) : (
                <View className="rv-actions">
                  <Button size="large" disabled={working !== null} onClick={() => setEditing(reward.id)}>
                    编辑
                  </Button>
                  <Button
                    size="large"
                    type="primary"
                    fill={reward.active ? 'outline' : 'solid'}
                    loading={working === reward.id}
                    disabled={working !== null && working !== reward.id}
                    onClick={() => void toggleActive(reward)}
                  >
                    {reward.active ? '下架' : '上架'}
                  </Button>
                </View>
              )}
            </View>
          ))
        )}
      </>
    );
  };

  const ordersBody = () => {
    if (orders.loading) return <LoadingState cards={3} rows={2} />;
    if (orders.error) return <ErrorState error={orders.error} onRetry={orders.reload} />;
    if (!orders.items.length) {
      return (
        <EmptyState
          icon={<Order size={48} />}
          title="没有待领取的订单"
          description="居民兑换商品后，到服务站领取时在这里确认。"
        />
      );
    }
    return (
      <>
        {orders.items.map((order) => (
          <View className="rv-card order-card" key={order.id}>
            <OrderSummary order={order} who />
            <View className="rv-actions">
              <Button
                size="large"
                disabled={working !== null}
                onClick={() => void closeOrder(order, 'cancel')}
              >
                取消并退回
              </Button>
              <Button
                type="primary"
                size="large"
                loading={working === order.id}
                disabled={working !== null && working !== order.id}
                onClick={() => void closeOrder(order, 'pickUp')}
              >
                确认领取
              </Button>
            </View>
          </View>
        ))}
        <ListFooter loading={orders.loadingMore} done={!orders.hasMore} />
      </>
    );
  };

  return (
    <Page className="admin-rewards-page">
      <Segmented
        items={TABS}
        value={tab}
        onChange={(key) => {
          setEditing(null);
          setTab(key);
        }}
      />
      {tab === 'rewards' ? rewardsBody() : ordersBody()}
    </Page>
  );
}
