import { CreateRewardRequest, RewardView } from '@redvest/contract';

/** The same limits as the server's. */
export const MAX_NAME = 40;
export const MAX_DESCRIPTION = 200;
export const MAX_COST = 100_000;
export const MAX_STOCK = 100_000;

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

/** Checks the form as the server will, so a mistake shows beside its field before anything is sent. */
export function validateReward(form: RewardForm): { errors: RewardErrors; request?: CreateRewardRequest } {
  const errors: RewardErrors = {};
  const name = form.name.trim();
  const description = form.description.trim();
  const cost = wholeNumber(form.cost);
  const stock = wholeNumber(form.stock);
  if (!name) errors.name = '请填写商品名称';
  else if ([...name].length > MAX_NAME) errors.name = `名称最多 ${MAX_NAME} 个字`;
  if (!form.cost.trim()) errors.cost = '请填写兑换所需积分';
  else if (cost === null || cost < 1 || cost > MAX_COST) errors.cost = `积分应为 1 到 ${MAX_COST} 之间的整数`;
  if (!form.stock.trim()) errors.stock = '请填写库存数量';
  else if (stock === null || stock > MAX_STOCK) errors.stock = `库存应为 0 到 ${MAX_STOCK} 之间的整数`;
  if ([...description].length > MAX_DESCRIPTION) errors.description = `说明最多 ${MAX_DESCRIPTION} 个字`;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    request: { name, cost: cost!, stock: stock!, ...(description ? { description } : {}) },
  };
}
