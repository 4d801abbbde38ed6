import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, unique } from './schema';

/** 语音说明: a wish's one recording; the upload's own unique key keeps a recording to one wish. */
export class WishVoices1764710800000 implements MigrationInterface {
  name = 'WishVoices1764710800000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'wish_voices',
        columns: [{ ...col.ref('wish_id'), isPrimary: true }, col.ref('upload_id')],
        indices: [unique('uq_wish_voices_upload', ['upload_id'])],
        foreignKeys: [
          fk('fk_wish_voices_wish', 'wish_id', 'wishes'),
          fk('fk_wish_voices_upload', 'upload_id', 'uploads'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('wish_voices');
  }
}
