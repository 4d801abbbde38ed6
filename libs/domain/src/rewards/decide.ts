import { ErrorCode, RedemptionStatus } from '@redvest/contract';
import { Refusal, refuse } from '../refusal';

/** 积分兑换 (DESIGN §4): what an order of goods takes, and who may close it. */

export interface RewardFacts {
  name: string;
  cost: number;
  stock: number;
  active: boolean;
}

export interface RedemptionFacts {
  userId: string;
  status: RedemptionStatus;
  rewardName: string;
  quantity: number;
  total: number;
}

/** The order to place: the points it costs and what the statement says. */
export interface OrderDecision {
  total: number;
  memo: string;
}

/**
 * 兑换: a member orders `quantity` of a reward on sale and in stock. The stock read here may be overtaken:
 * the server takes it with a conditional update too, and the points with a debit that refuses to overdraw.
 */
export function decideOrder(
  reward: RewardFacts,
  input: { quantity: number; member: boolean },
): OrderDecision | Refusal {
  if (!input.member) return refuse(ErrorCode.NotCommunityMember);
  if (!reward.active) return refuse(ErrorCode.RewardInactive);
  if (reward.stock < input.quantity) return refuse(ErrorCode.OutOfStock);
  return { total: reward.cost * input.quantity, memo: `${reward.name} × ${input.quantity}` };
}

/** What cancelling an order gives back; `audited` when someone other than the member cancelled it. */
export interface CancelDecision {
  refund: number;
  audited: boolean;
}

/** 取消兑换: the member who ordered, or a secretary, while the goods are not yet picked up. */
export function decideCancel(
  order: RedemptionFacts,
  caller: { userId: string; isSecretary: boolean },
): CancelDecision | Refusal {
  const own = order.userId === caller.userId;
  if (!own && !caller.isSecretary) return refuse(ErrorCode.Forbidden);
  if (order.status !== 'placed') return refuse(ErrorCode.RedemptionClosed);
  return { refund: order.total, audited: !own };
}

/** 确认领取: only an order still waiting for pickup. */
export function decidePickUp(order: RedemptionFacts): true | Refusal {
  return order.status === 'placed' ? true : refuse(ErrorCode.RedemptionClosed);
}
