import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { RedemptionView, REWARD_LIMITS, RewardView } from '@redvest/contract';
import { FormDialog } from '../components/FormDialog';
import { Stepper } from '../components/Stepper';
import { toApiError } from '../hooks/useAsync';
import { api } from '../services/api';
import { newIdempotencyKey } from '../services/format';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

/** The server takes at most this many of one reward in one order. */
export const MAX_PER_ORDER = REWARD_LIMITS.quantity.max;

/** How many the user may take: what is in stock, what their points pay for, and the order limit. */
export function maxQuantity(reward: RewardView, balance: number): number {
  return Math.max(0, Math.min(reward.stock, Math.floor(balance / reward.cost), MAX_PER_ORDER));
}

/**
 * Confirms a redemption: how many, what it costs, what is left. The dialog holds one Idempotency-Key; a retry
 * after a network failure sends the same one, so the points are taken once however often the user taps.
 */
export function RedeemDialog({
  reward,
  balance,
  onDone,
  onCancel,
  onFailed,
}: {
  reward: RewardView;
  balance: number;
  onDone: (order: RedemptionView) => void;
  /** `uncertain`: a request failed on the way, so the order may exist after all. */
  onCancel: (uncertain: boolean) => void;
  /** The server said no (not enough points, sold out, …): the catalog should be loaded again. */
  onFailed: () => void;
}) {
  const [key] = useState(() => newIdempotencyKey('r'));
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  // After a network failure the first try may have gone through: keep the quantity so a retry is the same request.
  const [uncertain, setUncertain] = useState(false);
  const max = Math.max(1, maxQuantity(reward, balance));
  const total = reward.cost * quantity;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const order = await api.rewards.redeem(reward.id, quantity, key);
      onDone(order);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.status === 0 || error.status >= 500) {
        setUncertain(true);
        void showToast({ title: error.message, icon: 'none', duration: 3000 });
      } else {
        await showModal({ title: '没有兑换成功', content: error.message, showCancel: false });
        onFailed();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={`兑换：${reward.name}`}
      confirmText={uncertain ? '重试' : '确认兑换'}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={() => onCancel(uncertain)}
    >
      <Text className="redeem-dialog__cost">每件 {reward.cost} 积分</Text>
      <View className="redeem-dialog__quantity">
        <Text>数量</Text>
        <Stepper value={quantity} min={1} max={max} disabled={busy || uncertain} onChange={setQuantity} />
      </View>
      <Text className="redeem-dialog__hint">{max > 1 ? `最多可兑换 ${max} 件` : '本次可兑换 1 件'}</Text>
      <View className="redeem-dialog__total">
        <Text>共需</Text>
        <Text className="redeem-dialog__sum">{total} 积分</Text>
      </View>
      <Text className="redeem-dialog__rest">兑换后剩余 {balance - total} 积分</Text>
      {uncertain ? (
        <Text className="redeem-dialog__warning">
          网络中断，不知道刚才是否兑换成功。点“重试”不会重复扣积分。
        </Text>
      ) : (
        <Text className="redeem-dialog__note">兑换后请到社区服务站领取。</Text>
      )}
    </FormDialog>
  );
}
