import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, index } from './schema';

/** The three lists (resources, service projects) and the members' yearly ratings. */
export class ThreeLists1763917200000 implements MigrationInterface {
  name = 'ThreeLists1763917200000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'resources',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('offered_by'),
          col.ref('employer_id', true),
          col.text('kind', 8),
          col.text('title', 60),
          col.text('description', 300, true),
          { name: 'active', type: 'boolean', default: true },
          col.time('created_at'),
        ],
        indices: [index('ix_resources_community', ['community_id', 'active'])],
        foreignKeys: [fk('fk_resources_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'service_projects',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.text('title', 60),
          col.text('description', 500, true),
          col.text('mode', 24),
          col.ref('demand_id', true),
          col.ref('resource_id', true),
          col.ref('taker_id', true),
          col.text('status', 8),
          col.ref('created_by'),
          col.time('created_at'),
        ],
        indices: [index('ix_service_projects_community', ['community_id', 'status'])],
        foreignKeys: [fk('fk_service_projects_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'member_ratings',
        columns: [
          { ...col.ref('community_id'), isPrimary: true },
          { ...col.ref('user_id'), isPrimary: true },
          { ...col.int('year'), isPrimary: true },
          { ...col.text('level', 16), isPrimary: true },
          col.text('grade', 16),
          col.text('comment', 200, true),
          col.ref('rated_by'),
          col.time('rated_at'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['member_ratings', 'service_projects', 'resources']) await db.dropTable(table);
  }
}
