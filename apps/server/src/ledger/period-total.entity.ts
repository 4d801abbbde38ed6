import { Unit } from '@redvest/contract';
import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CountColumn, ID_LENGTH } from '../database/columns';

/**
 * What each member earned and spent per period (`all`, `2026`, `2026-11`), kept with the transfers that
 * move it, so a leaderboard of 100k members is an index range scan and a yearly statement a few rows,
 * never a sum over history.
 */
@Entity('ledger_period_totals')
@Index('ix_ledger_period_totals_rank', ['communityId', 'unit', 'period', 'earned'])
export class PeriodTotal {
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) unit!: Unit;
  @PrimaryColumn({ type: 'varchar', length: 7 }) period!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: ID_LENGTH }) userId!: string;
  @CountColumn() earned!: number;
  /** Redemptions less their refunds (reversals of them included), as the statement counts them. */
  @CountColumn() spent!: number;
}
