import { MAX_TRANSFER_AMOUNT } from '@redvest/contract';

/** An account's four running totals (as TigerBeetle keeps them). */
export interface Totals {
  creditsPosted: number;
  debitsPosted: number;
  creditsPending: number;
  debitsPending: number;
}

export const ZERO_TOTALS: Totals = { creditsPosted: 0, debitsPosted: 0, creditsPending: 0, debitsPending: 0 };

/**
 * How a transfer row moves totals:
 * - `pending` reserves the amount (two-phase, waiting for approval);
 * - `post` makes a pending transfer final; `void` releases it;
 * - `single` is posted at once (redemptions, refunds, adjustments, reversals, auto-approved awards).
 */
export type Phase = 'pending' | 'post' | 'void' | 'single';
export type Side = 'debit' | 'credit';

export function balance(t: Totals): number {
  return t.creditsPosted - t.debitsPosted;
}

/** Credits waiting for approval minus debits waiting, as a user sees "pending". */
export function pendingNet(t: Totals): number {
  return t.creditsPending - t.debitsPending;
}

/** What a user account may still spend: pending debits are already spoken for, pending credits not yet earned. */
export function available(t: Totals): number {
  return t.creditsPosted - t.debitsPosted - t.debitsPending;
}

/** The change a transfer row makes to the totals of one of its two accounts. */
export function deltaFor(phase: Phase, side: Side, amount: number): Totals {
  const d = { ...ZERO_TOTALS };
  const posted = side === 'debit' ? 'debitsPosted' : 'creditsPosted';
  const pending = side === 'debit' ? 'debitsPending' : 'creditsPending';
  switch (phase) {
    case 'pending':
      d[pending] = amount;
      break;
    case 'post':
      d[pending] = -amount;
      d[posted] = amount;
      break;
    case 'void':
      d[pending] = -amount;
      break;
    case 'single':
      d[posted] = amount;
      break;
  }
  return d;
}

export function applyDelta(t: Totals, d: Totals): Totals {
  return {
    creditsPosted: t.creditsPosted + d.creditsPosted,
    debitsPosted: t.debitsPosted + d.debitsPosted,
    creditsPending: t.creditsPending + d.creditsPending,
    debitsPending: t.debitsPending + d.debitsPending,
  };
}

/**
 * Whether a user account can take this debit: only new debits (pending or single) need cover; posting or
 * voiding a pending debit was covered when it was reserved.
 */
export function canDebit(t: Totals, phase: Phase, amount: number): boolean {
  if (phase === 'post' || phase === 'void') return true;
  return available(t) >= amount;
}

export function isValidAmount(amount: unknown): amount is number {
  return (
    typeof amount === 'number' && Number.isInteger(amount) && amount > 0 && amount <= MAX_TRANSFER_AMOUNT
  );
}
