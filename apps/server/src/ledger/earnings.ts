import { CLOCK_ZONE, TransferCode } from '@redvest/contract';
import type { LedgerAccount } from './ledger-account.entity';
import type { LedgerTransfer } from './ledger-transfer.entity';

/** Codes whose posted credits count as points earned (for leaderboards and statements); spending does not. */
export const EARNING_CODES: ReadonlySet<TransferCode> = new Set([
  TransferCode.Checkin,
  TransferCode.WishFulfilled,
  TransferCode.Visit,
  TransferCode.Adjustment,
]);

/**
 * How much a posted transfer row changes what a member has earned: credits of earning codes count,
 * debit adjustments and reversals of earning transfers count against, in the period they are posted.
 */
export function earningDelta(
  t: Pick<LedgerTransfer, 'phase' | 'code' | 'amount'>,
  debit: Pick<LedgerAccount, 'userId'>,
  credit: Pick<LedgerAccount, 'userId'>,
  reversedCode?: TransferCode,
): { userId: string; amount: number } | null {
  if (t.phase !== 'single' && t.phase !== 'post') return null;
  const code = t.code === TransferCode.Reversal ? reversedCode : t.code;
  if (!code || !EARNING_CODES.has(code)) return null;
  if (credit.userId) return { userId: credit.userId, amount: t.amount };
  if (debit.userId) return { userId: debit.userId, amount: -t.amount };
  return null;
}

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CLOCK_ZONE,
  year: 'numeric',
  month: '2-digit',
});

/** The periods a moment belongs to, in the product's clock zone: `all`, `2026`, `2026-11`. */
export function periodsOf(at: Date): string[] {
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return ['all', parts.year, `${parts.year}-${parts.month}`];
}
