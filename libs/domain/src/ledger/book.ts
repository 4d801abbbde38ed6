import { applyDelta, canDebit, deltaFor, Phase, Totals, ZERO_TOTALS } from './totals';

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

export type BookError = 'insufficient' | 'not_pending' | 'not_posted' | 'already_reversed' | 'invalid_amount';

/**
 * The ledger's rules on plain data, with no database: the server applies the same deltas with conditional
 * SQL updates, and the property tests drive this model with random operations.
 */
export class LedgerBook {
  readonly accounts = new Map<string, { kind: AccountKind; totals: Totals }>();
  readonly transfers: BookTransfer[] = [];
  private resolved = new Set<number>();
  private reversed = new Set<number>();

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
    if (!original || original.phase === 'post' || original.phase === 'void' || original.reversesId)
      return 'not_posted';
    if (original.phase === 'pending' && this.statusOf(id) !== 'posted') return 'not_posted';
    if (this.reversed.has(id)) return 'already_reversed';
    const result = this.apply({
      id: this.transfers.length + 1,
      phase: 'single',
      debit: original.credit,
      credit: original.debit,
      amount: original.amount,
      reversesId: id,
    });
    if (typeof result !== 'string') this.reversed.add(id);
    return result;
  }

  statusOf(id: number): 'pending' | 'posted' | 'voided' {
    const t = this.transfers[id - 1];
    if (t.phase !== 'pending') return 'posted';
    const resolution = this.transfers.find((x) => x.pendingId === id);
    return !resolution ? 'pending' : resolution.phase === 'post' ? 'posted' : 'voided';
  }

  private resolve(pendingId: number, phase: 'post' | 'void'): BookTransfer | BookError {
    const pending = this.transfers[pendingId - 1];
    if (!pending || pending.phase !== 'pending' || this.resolved.has(pendingId)) return 'not_pending';
    const result = this.apply({
      id: this.transfers.length + 1,
      phase,
      debit: pending.debit,
      credit: pending.credit,
      amount: pending.amount,
      pendingId,
    });
    if (typeof result !== 'string') this.resolved.add(pendingId);
    return result;
  }

  private apply(transfer: BookTransfer): BookTransfer | BookError {
    const debit = this.accounts.get(transfer.debit)!;
    const credit = this.accounts.get(transfer.credit)!;
    if (debit.kind === 'user' && !canDebit(debit.totals, transfer.phase, transfer.amount))
      return 'insufficient';
    debit.totals = applyDelta(debit.totals, deltaFor(transfer.phase, 'debit', transfer.amount));
    credit.totals = applyDelta(credit.totals, deltaFor(transfer.phase, 'credit', transfer.amount));
    this.transfers.push(transfer);
    return transfer;
  }
}
