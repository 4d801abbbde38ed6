import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Requests counted in one fixed window, one row per (limit, caller, window): kept in the database so that
 * every server process counts together. The caller is a hash (of a user id, an address, …), never the value.
 */
@Entity('rate_limit_hits')
export class RateLimitHit {
  @PrimaryColumn({ type: 'varchar', length: 32 }) bucket!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) subject!: string;
  /** Unix seconds at which the window began. */
  @PrimaryColumn({ name: 'window_start', type: 'bigint' }) windowStart!: string;
  @Column({ type: 'int' }) hits!: number;
  /** Unix seconds after which the row is of no use (purged by the scheduled job). */
  @Column({ name: 'expires_at', type: 'bigint' }) expiresAt!: string;
}
