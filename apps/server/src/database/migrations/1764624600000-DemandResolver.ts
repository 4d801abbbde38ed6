import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './schema';

/** Who wrote a demand's resolution (the assignee or the branch): it goes with their account when deleted. */
export class DemandResolver1764624600000 implements MigrationInterface {
  name = 'DemandResolver1764624600000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn('demands', new TableColumn(col.ref('resolved_by', true)));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('demands', 'resolved_by');
  }
}
