import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** 语音留言: an upload may be a recording, whose length (read from its frames) is kept with it. */
export class VoiceUploads1764707200000 implements MigrationInterface {
  name = 'VoiceUploads1764707200000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn('uploads', new TableColumn({ name: 'seconds', type: 'int', isNullable: true }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('uploads', 'seconds');
  }
}
