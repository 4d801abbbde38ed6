import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, fk, index, unique } from './schema';

/** Deleted accounts, invitations a person accepts or declines, and the memberships that ended. */
export class PrivacyRights1764610800000 implements MigrationInterface {
  name = 'PrivacyRights1764610800000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn(
      'users',
      new TableColumn({ name: 'deleted_at', type: 'datetime', precision: 3, isNullable: true }),
    );
    await db.createTable(
      new Table({
        name: 'community_invitations',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('user_id'),
          col.text('roles', 200),
          col.text('employer', 64, true),
          col.ref('compound_id', true),
          col.ref('invited_by'),
          col.text('status', 16),
          col.time('created_at'),
          col.time('answered_at', true),
        ],
        // One invitation per person and community: inviting again after an answer renews the same row.
        indices: [
          unique('uq_community_invitations_person', ['community_id', 'user_id']),
          index('ix_community_invitations_user', ['user_id']),
        ],
        foreignKeys: [
          fk('fk_community_invitations_community', 'community_id', 'communities'),
          fk('fk_community_invitations_user', 'user_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'membership_departures',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('user_id'),
          col.text('kind', 8),
          col.text('real_name', 32, true),
          col.text('reason', 200, true),
          col.ref('ended_by', true),
          col.time('ended_at'),
        ],
        indices: [
          index('ix_membership_departures_member', ['community_id', 'user_id']),
          index('ix_membership_departures_user', ['user_id']),
        ],
        foreignKeys: [
          fk('fk_membership_departures_community', 'community_id', 'communities'),
          fk('fk_membership_departures_user', 'user_id', 'users'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('membership_departures');
    await db.dropTable('community_invitations');
    await db.dropColumn('users', 'deleted_at');
  }
}
