import { ErrorCode } from '@redvest/contract';
import { isRefusal } from '../refusal';
import { decideMove, decideResolution, decideReversal } from './decide';
import { applyDelta, Phase, Totals, ZERO_TOTALS } from './totals';

export type AccountKind = 'user' | 'system';

export interface BookTransfer {
  id: number;
  phase: Phase;
  debit: string;
  credit: string;
  amount: number;
  pendingId?: number;
  reversesId?: number;
}

/** The book answers with the refusal's error code alone. */
export type BookError = ErrorCode | 'invalid_amount';

/**
 * The ledger on plain data, with no database, for the property tests: it decides with the same functions
 * LedgerService calls (decide.ts), and keeps its transfers and totals in memory where the server keeps
 * them in rows.
 */
export class LedgerBook {
  readonly accounts = new Map<string, { kind: AccountKind; totals: Totals }>();
  readonly transfers: BookTransfer[] = [];

  open(id: string, kind: AccountKind): void {
    if (!this.accounts.has(id)) this.accounts.set(id, { kind, totals: { ...ZERO_TOTALS } });
  }

  /** A new pending or single-phase transfer. */
  transfer(
    phase: 'pending' | 'single',
    debit: string,
    credit: string,
    amount: number,
  ): BookTransfer | BookError {
    if (!Number.isInteger(amount) || amount <= 0) return 'invalid_amount';
    return this.apply({ id: this.transfers.length + 1, phase, debit, credit, amount });
  }

  post(pendingId: number): BookTransfer | BookError {
    return this.resolve(pendingId, 'post');
  }

  void(pendingId: number): BookTransfer | BookError {
    return this.resolve(pendingId, 'void');
  }

  /** A correcting transfer the other way; only for a transfer that is final (posted) and not yet reversed. */
  reverse(id: number): BookTransfer | BookError {
    const original = this.transfers[id - 1];
    if (!original) return ErrorCode.TransferNotFound;
    const movement = decideReversal(
      { ...original, isReversal: original.reversesId !== undefined },
      {
        resolution: this.resolutionOf(id)?.phase ?? null,
        alreadyReversed: this.transfers.some((t) => t.reversesId === id),
      },
    );
    if (isRefusal(movement)) return movement.error;
    return this.apply({ id: this.transfers.length + 1, phase: 'single', ...movement, reversesId: id });
  }

  statusOf(id: number): 'pending' | 'posted' | 'voided' {
    if (this.transfers[id - 1].phase !== 'pending') return 'posted';
    const resolution = this.resolutionOf(id);
    return !resolution ? 'pending' : resolution.phase === 'post' ? 'posted' : 'voided';
  }

  private resolutionOf(pendingId: number): (BookTransfer & { phase: 'post' | 'void' }) | undefined {
    return this.transfers.find((t) => t.pendingId === pendingId) as
      (BookTransfer & { phase: 'post' | 'void' }) | undefined;
  }

  private resolve(pendingId: number, phase: 'post' | 'void'): BookTransfer | BookError {
    const target = this.transfers[pendingId - 1];
    if (!target) return ErrorCode.TransferNotFound;
    const resolved = new Set(this.transfers.flatMap((t) => (t.pendingId ? [t.pendingId] : [])));
    const group = decideResolution(target, [target], resolved);
    if (isRefusal(group)) return group.error;
    return this.apply({
      id: this.transfers.length + 1,
      phase,
      debit: target.debit,
      credit: target.credit,
      amount: target.amount,
      pendingId,
    });
  }

  private apply(transfer: BookTransfer): BookTransfer | BookError {
    const debit = this.accounts.get(transfer.debit)!;
    const credit = this.accounts.get(transfer.credit)!;
    const debitDelta = decideMove(this.factsOf(debit), transfer.phase, 'debit', transfer.amount);
    const creditDelta = decideMove(this.factsOf(credit), transfer.phase, 'credit', transfer.amount);
    if (isRefusal(debitDelta)) return debitDelta.error;
    if (isRefusal(creditDelta)) return creditDelta.error;
    debit.totals = applyDelta(debit.totals, debitDelta);
    credit.totals = applyDelta(credit.totals, creditDelta);
    this.transfers.push(transfer);
    return transfer;
  }

  private factsOf(account: { kind: AccountKind; totals: Totals }) {
    return { isMember: account.kind === 'user', totals: account.totals };
  }
}
