import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { index } from './schema';

/**
 * 签到名单 is read in check-in order a page at a time (keyset on check-in time and id): without this each page
 * sorted every attendance of the activity.
 */
export class ExportIndexes1764653400000 implements MigrationInterface {
  name = 'ExportIndexes1764653400000';

  async up(db: QueryRunner): Promise<void> {
    await db.createIndex(
      'attendances',
      new TableIndex(index('ix_attendances_activity_time', ['activity_id', 'checked_in_at', 'id'])),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('attendances', 'ix_attendances_activity_time');
  }
}
