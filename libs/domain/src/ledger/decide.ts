import { ErrorCode } from '@redvest/contract';
import { Refusal, refuse } from '../refusal';
import { canDebit, deltaFor, Phase, Side, Totals } from './totals';

/**
 * The ledger's decisions (DESIGN §4), on plain values. LedgerService calls them with rows it has read under
 * the chain-head lock; LedgerBook calls them on its in-memory transfers, so the property tests that drive
 * the book test these very rules.
 */

/** A transfer as the rules see it; `Account` is whatever names an account (an id, a row). */
export interface LedgerEntry<Account> {
  phase: Phase;
  debit: Account;
  credit: Account;
  amount: number;
  /** It corrects another transfer. */
  isReversal: boolean;
}

/** The accounts and amount of a transfer to write. */
export interface Movement<Account> {
  debit: Account;
  credit: Account;
  amount: number;
}

/**
 * 冲正: the correcting transfer for `original`, the other way round. Only a final transfer (single, or
 * pending and since posted) that is not itself a correction, and only once.
 */
export function decideReversal<Account>(
  original: LedgerEntry<Account>,
  facts: { resolution: 'post' | 'void' | null; alreadyReversed: boolean },
): Movement<Account> | Refusal {
  if (original.phase === 'post' || original.phase === 'void' || original.isReversal)
    return refuse(ErrorCode.TransferNotPosted);
  if (original.phase === 'pending' && facts.resolution !== 'post') return refuse(ErrorCode.TransferNotPosted);
  if (facts.alreadyReversed) return refuse(ErrorCode.TransferAlreadyReversed);
  return { debit: original.credit, credit: original.debit, amount: original.amount };
}

/**
 * 审批: which transfers an approval or rejection of `target` resolves. `group` is the target and the
 * transfers linked to it (the points and the minutes of one attendance); those still pending are resolved
 * together, in the order given. `resolved` holds the ids of pending transfers already posted or voided.
 */
export function decideResolution<Id, T extends { id: Id; phase: Phase }>(
  target: T,
  group: readonly T[],
  resolved: ReadonlySet<Id>,
): T[] | Refusal {
  if (target.phase !== 'pending' || resolved.has(target.id)) return refuse(ErrorCode.TransferNotPending);
  return group.filter((t) => t.phase === 'pending' && !resolved.has(t.id));
}

/**
 * Whether moving `side` of a transfer needs the account to cover it: a member's new debit (pending or
 * single). The server adds this as the condition of its UPDATE, so that two debits at once cannot both pass.
 */
export function needsCover(isMember: boolean, phase: Phase, side: Side): boolean {
  return isMember && side === 'debit' && (phase === 'pending' || phase === 'single');
}

/** The change to one account's totals, or a refusal when a member's account cannot cover the debit. */
export function decideMove(
  account: { isMember: boolean; totals: Totals },
  phase: Phase,
  side: Side,
  amount: number,
): Totals | Refusal {
  if (needsCover(account.isMember, phase, side) && !canDebit(account.totals, phase, amount))
    return refuse(ErrorCode.InsufficientPoints);
  return deltaFor(phase, side, amount);
}
