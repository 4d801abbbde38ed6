import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { index } from './schema';

/** Requests sent to several people (“please review this wish”), settled for all once one answers. */
export class NotificationTopics1763924400000 implements MigrationInterface {
  name = 'NotificationTopics1763924400000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn(
      'notifications',
      new TableColumn({ name: 'topic', type: 'varchar', length: '24', isNullable: true }),
    );
    await db.createIndex(
      'notifications',
      new TableIndex(index('ix_notifications_wish_topic', ['wish_id', 'topic'])),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('notifications', 'ix_notifications_wish_topic');
    await db.dropColumn('notifications', 'topic');
  }
}
