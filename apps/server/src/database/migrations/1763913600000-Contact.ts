import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, fk, index, unique } from './schema';

/** Household contact: groups, the active assignment per household and its history, visits, demands. */
export class Contact1763913600000 implements MigrationInterface {
  name = 'Contact1763913600000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('communities', [
      new TableColumn({ name: 'contact_group_size', type: 'int', default: 3 }),
      new TableColumn({ name: 'visit_overdue_days', type: 'int', default: 90 }),
    ]);
    await db.createTable(
      new Table({
        name: 'contact_groups',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('compound_id', true),
          col.text('name', 40),
          col.ref('leader_id'),
          col.text('status', 16),
          col.time('created_at'),
          col.time('dissolved_at', true),
        ],
        indices: [index('ix_contact_groups_community', ['community_id', 'status'])],
        foreignKeys: [fk('fk_contact_groups_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'contact_group_members',
        columns: [
          { ...col.ref('group_id'), isPrimary: true },
          { ...col.ref('user_id'), isPrimary: true },
        ],
        indices: [index('ix_contact_group_members_user', ['user_id'])],
        foreignKeys: [
          fk('fk_contact_group_members_group', 'group_id', 'contact_groups'),
          fk('fk_contact_group_members_user', 'user_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'household_assignments',
        columns: [
          { ...col.ref('household_id'), isPrimary: true },
          col.ref('group_id'),
          col.ref('community_id'),
          col.time('assigned_at'),
        ],
        indices: [index('ix_household_assignments_group', ['group_id'])],
        foreignKeys: [
          fk('fk_household_assignments_household', 'household_id', 'households'),
          fk('fk_household_assignments_group', 'group_id', 'contact_groups'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'household_assignment_history',
        columns: [
          col.id(),
          col.ref('household_id'),
          col.ref('group_id'),
          col.time('assigned_at'),
          col.time('ended_at'),
          col.text('reason', 16),
        ],
        indices: [index('ix_household_assignment_history_household', ['household_id'])],
      }),
    );
    await db.createTable(
      new Table({
        name: 'visits',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('household_id'),
          col.ref('group_id'),
          col.time('visited_at'),
          col.ref('recorded_by'),
          col.text('visitor_ids', 400),
          col.int('residents', true),
          { name: 'rented', type: 'boolean', isNullable: true },
          col.text('move_in_date', 10, true),
          col.text('phone_enc', 255, true),
          col.text('flags', 200),
          col.text('notes', 1000, true),
          col.text('client_key', 64),
          col.time('created_at'),
        ],
        indices: [
          index('ix_visits_household', ['household_id', 'visited_at']),
          unique('uq_visits_client_key', ['recorded_by', 'client_key']),
        ],
        foreignKeys: [fk('fk_visits_household', 'household_id', 'households')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'demands',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('compound_id', true),
          col.ref('household_id', true),
          col.ref('visit_id', true),
          col.ref('raised_by'),
          col.text('category', 16),
          col.text('text', 500),
          col.text('status', 16),
          col.ref('assignee_id', true),
          col.text('reject_reason', 200, true),
          col.text('resolution', 500, true),
          col.ref('wish_id', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [index('ix_demands_community', ['community_id', 'status', 'id'])],
        foreignKeys: [fk('fk_demands_community', 'community_id', 'communities')],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'demands',
      'visits',
      'household_assignment_history',
      'household_assignments',
      'contact_group_members',
      'contact_groups',
    ]) {
      await db.dropTable(table);
    }
    await db.dropColumns('communities', ['contact_group_size', 'visit_overdue_days']);
  }
}
