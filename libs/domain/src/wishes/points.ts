import { ErrorCode, WISH_CATEGORIES } from '@redvest/contract';
import type { WishRefusal } from './decide';

/** A category whose points the community has not set. */
export const DEFAULT_WISH_POINTS = 10;
const MAX_WISH_POINTS = 1000;

/** The points of every category, from the ones the community set. */
export function wishPointsTable(
  rows: readonly { category: string; points: number }[],
): Record<string, number> {
  return Object.fromEntries(
    WISH_CATEGORIES.map((c) => [c, rows.find((r) => r.category === c)?.points ?? DEFAULT_WISH_POINTS]),
  );
}

/** New points per category: whole numbers from 0 to 1000, for the wish categories only. */
export function checkWishPoints(points: Record<string, number>): WishRefusal | null {
  for (const [category, value] of Object.entries(points)) {
    if (
      !(WISH_CATEGORIES as readonly string[]).includes(category) ||
      !Number.isInteger(value) ||
      value < 0 ||
      value > MAX_WISH_POINTS
    ) {
      return {
        error: ErrorCode.ValidationFailed,
        details: [{ field: `points.${category}`, message: '应为 0 到 1000 的整数，类别须为心愿类别' }],
      };
    }
  }
  return null;
}

/** What the audit trail says of a change of points: the categories that changed, or that none did. */
export function wishPointsChangeSummary(
  before: Record<string, number>,
  points: Record<string, number>,
): string {
  const changed = Object.entries(points).filter(([category, value]) => before[category] !== value);
  return changed.length
    ? changed.map(([category, value]) => `${category} ${before[category]} → ${value} 积分`).join('；')
    : '无变化';
}
