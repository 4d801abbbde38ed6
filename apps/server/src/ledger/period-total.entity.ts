import { Unit } from '@redvest/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CountColumn, ID_LENGTH } from '../database/columns';

/**
 * What each member earned and spent per period (`all`, `2026`, `2026-11`), kept with the transfers that
 * move it, keyed by member so a yearly statement is a few rows, never a sum over history. The board index
 * holds what a leaderboard reads, so its top and a member's rank are index range reads of its members.
 */
@Entity('ledger_period_totals')
@Index('ix_ledger_period_totals_board', ['communityId', 'unit', 'period', 'isMember', 'earned', 'userId'])
export class PeriodTotal {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: ID_LENGTH }) userId!: string;
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) unit!: Unit;
  @PrimaryColumn({ type: 'varchar', length: 7 }) period!: string;
  @CountColumn() earned!: number;
  /** Redemptions less their refunds (reversals of them included), as the statement counts them. */
  @CountColumn() spent!: number;
  /**
   * Whether the user is a member of the community now: someone who left keeps their totals but leaves
   * the leaderboard. Set when a membership starts or ends, and on each new row, under the chain's lock.
   */
  @Column({ name: 'is_member', type: 'boolean', default: true }) isMember!: boolean;
}
