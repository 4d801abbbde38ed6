import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from './schema';

/** The photos a resident or a visiting member attaches to a demand. */
export class DemandPhotos1763920800000 implements MigrationInterface {
  name = 'DemandPhotos1763920800000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'demand_photos',
        columns: [
          { ...col.ref('demand_id'), isPrimary: true },
          { ...col.ref('upload_id'), isPrimary: true },
          col.int('position'),
        ],
        foreignKeys: [
          fk('fk_demand_photos_demand', 'demand_id', 'demands'),
          fk('fk_demand_photos_upload', 'upload_id', 'uploads'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('demand_photos');
  }
}
