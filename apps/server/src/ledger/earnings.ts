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
 * How much a posted transfer row changes what a member earned and spent in the period it is posted:
 * credits of earning codes count as earned, debit adjustments and reversals of earning transfers against
 * it; everything else moves spending (a redemption adds, its refund takes back), as the statement reads it.
 */
export function totalsDelta(
  t: Pick<LedgerTransfer, 'phase' | 'code' | 'amount'>,
  debit: Pick<LedgerAccount, 'userId'>,
  credit: Pick<LedgerAccount, 'userId'>,
  reversedCode?: TransferCode,
): { userId: string; earned: number; spent: number } | null {
  if (t.phase !== 'single' && t.phase !== 'post') return null;
  const member = credit.userId
    ? { userId: credit.userId, delta: t.amount }
    : debit.userId
      ? { userId: debit.userId, delta: -t.amount }
      : null;
  if (!member) return null;
  const code = t.code === TransferCode.Reversal ? reversedCode : t.code;
  return code && EARNING_CODES.has(code)
    ? { userId: member.userId, earned: member.delta, spent: 0 }
    : { userId: member.userId, earned: 0, spent: -member.delta };
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
