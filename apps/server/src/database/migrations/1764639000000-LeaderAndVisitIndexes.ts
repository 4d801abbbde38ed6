import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { index } from './schema';

/**
 * Two reads that scanned: every community request counts the groups the caller leads (membership-lookup),
 * and the annual report counts a community's visits in a year.
 */
export class LeaderAndVisitIndexes1764639000000 implements MigrationInterface {
  name = 'LeaderAndVisitIndexes1764639000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createIndex(
      'contact_groups',
      new TableIndex(index('ix_contact_groups_leader', ['community_id', 'leader_id', 'status'])),
    );
    await db.createIndex(
      'visits',
      new TableIndex(index('ix_visits_community_time', ['community_id', 'visited_at'])),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('visits', 'ix_visits_community_time');
    await db.dropIndex('contact_groups', 'ix_contact_groups_leader');
  }
}
