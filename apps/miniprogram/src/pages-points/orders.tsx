import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import { RedemptionView } from '@redvest/contract';
import { OrderSummary } from '../components/OrderSummary';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { toApiError } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { usePagedList } from '../hooks/usePagedList';
import { api } from '../services/api';
import './orders.scss';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

export default function MyOrdersPage() {
  useRequireLogin();
  const list = usePagedList<RedemptionView>((cursor) => api.rewards.myOrders({ cursor, limit: 20 }), []);
  const [cancelling, setCancelling] = useState<string | null>(null);

  const cancel = async (order: RedemptionView) => {
    if (cancelling) return;
    const { confirm } = await showModal({
      title: '取消兑换',
      content: `确定取消“${order.rewardName} × ${order.quantity}”吗？${order.total} 积分会退回给您。`,
      confirmText: '取消兑换',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setCancelling(order.id);
    try {
      const updated = await api.rewards.cancel(order.id);
      list.updateItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      void showToast({ title: '已取消，积分已退回', icon: 'none', duration: 2500 });
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
      void list.reload();
    } finally {
      setCancelling(null);
    }
  };

  return (
    <Page className="orders-page">
      {list.loading ? (
        <LoadingState cards={3} rows={2} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.items.length ? (
        <EmptyState
          icon={<Order size={48} />}
          title="还没有兑换记录"
          description="在积分兑换里选好商品，兑换后到社区服务站领取。"
        />
      ) : (
        <>
          {list.items.map((order) => (
            <View className="rv-card order-card" key={order.id}>
              <OrderSummary order={order} />
              {order.status === 'placed' ? (
                <>
                  <Text className="order-card__note">请到社区服务站领取</Text>
                  <View className="rv-actions">
                    <Button
                      size="large"
                      loading={cancelling === order.id}
                      disabled={cancelling !== null && cancelling !== order.id}
                      onClick={() => void cancel(order)}
                    >
                      取消兑换
                    </Button>
                  </View>
                </>
              ) : null}
            </View>
          ))}
          <ListFooter loading={list.loadingMore} done={!list.hasMore} />
        </>
      )}
    </Page>
  );
}
