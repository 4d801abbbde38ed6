import { Unit } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { CountColumn, IdColumn, RefColumn, TimeColumn } from '../database/columns';

/**
 * One account per (community, owner, unit). The owner is a user id, or `system:ISSUANCE` and the like for
 * the community's own accounts. The four totals change only together with a transfer row.
 */
@Entity('ledger_accounts')
@Index('uq_ledger_accounts_owner', ['communityId', 'owner', 'unit'], { unique: true })
@Index('ix_ledger_accounts_user', ['userId'])
export class LedgerAccount {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'varchar', length: 48 }) owner!: string;
  @RefColumn({ name: 'user_id', nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 16 }) unit!: Unit;
  @CountColumn({ name: 'credits_posted' }) creditsPosted!: number;
  @CountColumn({ name: 'debits_posted' }) debitsPosted!: number;
  @CountColumn({ name: 'credits_pending' }) creditsPending!: number;
  @CountColumn({ name: 'debits_pending' }) debitsPending!: number;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
