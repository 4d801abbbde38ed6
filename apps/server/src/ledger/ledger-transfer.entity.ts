import { TransferCode, Unit } from '@redvest/contract';
import type { Phase } from '@redvest/domain';
import { Column, Entity, Index } from 'typeorm';
import { CountColumn, IdColumn, RefColumn, TimeColumn } from '../database/columns';

/**
 * An append-only transfer row (DESIGN §4). Posting or voiding a pending transfer is a new row whose
 * `pendingId` names it; the unique key on `pendingId` makes "once" a database fact, as the one on
 * `reversesId` does for reversals. Each row is chained to the previous one of its community by hash.
 */
@Entity('ledger_transfers')
@Index('uq_ledger_transfers_sequence', ['communityId', 'sequence'], { unique: true })
@Index('uq_ledger_transfers_idempotency', ['communityId', 'idempotencyKey'], { unique: true })
@Index('uq_ledger_transfers_pending', ['pendingId'], { unique: true })
@Index('uq_ledger_transfers_reverses', ['reversesId'], { unique: true })
// A member's history, a page at a time: one range per account, side and phase (historyPage).
@Index('ix_ledger_transfers_debit_history', ['debitAccountId', 'phase', 'createdAt', 'id'])
@Index('ix_ledger_transfers_credit_history', ['creditAccountId', 'phase', 'createdAt', 'id'])
@Index('ix_ledger_transfers_link', ['linkId'])
@Index('ix_ledger_transfers_phase', ['communityId', 'phase', 'id'])
@Index('ix_ledger_transfers_ref', ['refType', 'refId'])
export class LedgerTransfer {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @CountColumn() sequence!: number;
  @Column({ type: 'varchar', length: 8 }) phase!: Phase;
  @RefColumn({ name: 'debit_account_id' }) debitAccountId!: string;
  @RefColumn({ name: 'credit_account_id' }) creditAccountId!: string;
  @Column({ type: 'varchar', length: 16 }) unit!: Unit;
  @CountColumn() amount!: number;
  @RefColumn({ name: 'pending_id', nullable: true }) pendingId!: string | null;
  @RefColumn({ name: 'reverses_id', nullable: true }) reversesId!: string | null;
  @RefColumn({ name: 'link_id', nullable: true }) linkId!: string | null;
  @Column({ type: 'varchar', length: 24 }) code!: TransferCode;
  @Column({ name: 'ref_type', type: 'varchar', length: 24, nullable: true }) refType!: string | null;
  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true }) refId!: string | null;
  /** Who or what it is for, in words: the activity's title, a secretary's reason. */
  @Column({ type: 'varchar', length: 200, nullable: true }) memo!: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 191 }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash!: string;
  /** Null when the server made it on its own (a scheduled job). */
  @RefColumn({ name: 'created_by', nullable: true }) createdBy!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 }) prevHash!: string;
  @Column({ type: 'varchar', length: 64 }) hash!: string;
}
