import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { index } from './schema';

/** 即将到期 on the wish board: published wishes of a community by desired date, read a page at a time. */
export class WishesByDesiredDate1764635400000 implements MigrationInterface {
  name = 'WishesByDesiredDate1764635400000';

  async up(db: QueryRunner): Promise<void> {
    await db.createIndex(
      'wishes',
      new TableIndex(index('ix_wishes_expiring', ['community_id', 'status', 'desired_date', 'id'])),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('wishes', 'ix_wishes_expiring');
  }
}
