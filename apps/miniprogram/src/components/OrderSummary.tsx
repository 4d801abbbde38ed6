import { View, Text } from '@tarojs/components';
import { REDEMPTION_STATUS_LABELS, RedemptionStatus, RedemptionView } from '@redvest/contract';
import { formatDateTime } from '../services/format';
import { Badge, BadgeTone } from './Badge';
import './OrderSummary.scss';

const ORDER_TONES: Record<RedemptionStatus, BadgeTone> = {
  placed: 'orange',
  picked_up: 'green',
  cancelled: 'blue',
};

/** One order: what, how many, what it cost, its state and when. */
export function OrderSummary({ order, who }: { order: RedemptionView; who?: boolean }) {
  return (
    <>
      <View className="order-card__head">
        <Text className="order-card__name">
          {order.rewardName} × {order.quantity}
        </Text>
        <Badge tone={ORDER_TONES[order.status]} round>
          {REDEMPTION_STATUS_LABELS[order.status]}
        </Badge>
      </View>
      <View className="order-card__facts">
        {who ? <Text>兑换人：{order.userName}</Text> : null}
        <Text>
          共 <Text className="order-card__total">{order.total}</Text> 积分
        </Text>
        <Text className="rv-muted">兑换时间：{formatDateTime(order.createdAt)}</Text>
        {order.closedAt && order.status !== 'placed' ? (
          <Text className="rv-muted">
            {order.status === 'picked_up' ? '领取时间' : '取消时间'}：{formatDateTime(order.closedAt)}
          </Text>
        ) : null}
        {order.cancelReason ? <Text className="rv-muted">取消原因：{order.cancelReason}</Text> : null}
      </View>
    </>
  );
}
