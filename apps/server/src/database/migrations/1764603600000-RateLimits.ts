import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './schema';

/**
 * One table of fixed-window counters for every abuse limit (rate_limit_hits); the wrong-check-in-code
 * counter of checkin_failures moves into it (its rows are counts of the last ten minutes, nothing to keep).
 */
export class RateLimits1764603600000 implements MigrationInterface {
  name = 'RateLimits1764603600000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'rate_limit_hits',
        columns: [
          { ...col.text('bucket', 32), isPrimary: true },
          { ...col.text('subject', 32), isPrimary: true },
          { name: 'window_start', type: 'bigint', isPrimary: true },
          col.int('hits'),
          { name: 'expires_at', type: 'bigint' },
        ],
        indices: [index('ix_rate_limit_hits_expires', ['expires_at'])],
      }),
    );
    await db.dropTable('checkin_failures');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'checkin_failures',
        columns: [{ ...col.ref('user_id'), isPrimary: true }, col.time('window_start'), col.int('failures')],
      }),
    );
    await db.dropTable('rate_limit_hits');
  }
}
