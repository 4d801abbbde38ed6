import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** What a visit's request asked for, so that its Idempotency-Key reused for another visit is refused. */
export class VisitRequestHash1764600000000 implements MigrationInterface {
  name = 'VisitRequestHash1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn(
      'visits',
      new TableColumn({ name: 'request_hash', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('visits', 'request_hash');
  }
}
