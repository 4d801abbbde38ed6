import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './schema';

/**
 * 长辈模式 is a person's own choice, kept on the server so it follows them to another phone.
 * `elderly_mode_chosen_at` stays empty until they have answered the offer or switched it themselves.
 */
export class ElderlyMode1764700000000 implements MigrationInterface {
  name = 'ElderlyMode1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('users', [
      new TableColumn({ name: 'elderly_mode', type: 'boolean', default: false }),
      new TableColumn(col.time('elderly_mode_chosen_at', true)),
    ]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('users', 'elderly_mode_chosen_at');
    await db.dropColumn('users', 'elderly_mode');
  }
}
