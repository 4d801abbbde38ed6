import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** A contact member chooses whether the households they look after see their phone number (not by default). */
export class ContactPhoneChoice1764703600000 implements MigrationInterface {
  name = 'ContactPhoneChoice1764703600000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn(
      'memberships',
      new TableColumn({ name: 'show_phone_to_households', type: 'boolean', default: false }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('memberships', 'show_phone_to_households');
  }
}
