import { CreateRewardRequest, REWARD_LIMITS, RewardView } from '@redvest/contract';
import { checkText } from '../../services/text-errors';

const { name: NAME, description: DESCRIPTION, cost: COST, stock: STOCK } = REWARD_LIMITS;

export interface RewardForm {
  name: string;
  cost: string;
  stock: string;
  description: string;
}

export type RewardErrors = Partial<Record<keyof RewardForm, string>>;

export function formOf(reward?: RewardView): RewardForm {
  return {
    name: reward?.name ?? '',
    cost: reward ? String(reward.cost) : '',
    stock: reward ? String(reward.stock) : '',
    description: reward?.description ?? '',
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

function within(value: number | null, range: { min: number; max: number }): value is number {
  return value !== null && value >= range.min && value <= range.max;
}

/** Checks the form as the server will, so a mistake shows beside its field before anything is sent. */
export function validateReward(form: RewardForm): { errors: RewardErrors; request?: CreateRewardRequest } {
  const errors: RewardErrors = {};
  const name = form.name.trim();
  const description = form.description.trim();
  const cost = wholeNumber(form.cost);
  const stock = wholeNumber(form.stock);
  checkText(errors, 'name', name, NAME, {
    blank: '请填写商品名称',
    tooLong: (max) => `名称最多 ${max} 个字`,
  });
  if (!form.cost.trim()) errors.cost = '请填写兑换所需积分';
  else if (!within(cost, COST)) errors.cost = `积分应为 ${COST.min} 到 ${COST.max} 之间的整数`;
  if (!form.stock.trim()) errors.stock = '请填写库存数量';
  else if (!within(stock, STOCK)) errors.stock = `库存应为 ${STOCK.min} 到 ${STOCK.max} 之间的整数`;
  checkText(errors, 'description', description, DESCRIPTION, { tooLong: (max) => `说明最多 ${max} 个字` });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    request: { name, cost: cost!, stock: stock!, ...(description ? { description } : {}) },
  };
}
