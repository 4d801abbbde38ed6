import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, index, unique } from './schema';

/** Users, communities, memberships and roles, employers, compounds, buildings and households. */
export class Foundation1763892000000 implements MigrationInterface {
  name = 'Foundation1763892000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.text('openid', 64),
          col.text('nickname', 64),
          col.text('privacy_version', 16, true),
          col.time('privacy_agreed_at', true),
          col.time('created_at'),
        ],
        indices: [unique('uq_users_openid', ['openid'])],
      }),
    );
    await db.createTable(
      new Table({
        name: 'communities',
        columns: [
          col.id(),
          col.text('name', 64),
          col.text('street', 64, true),
          col.text('invite_code', 16),
          col.time('created_at'),
        ],
        indices: [unique('uq_communities_invite_code', ['invite_code'])],
      }),
    );
    await db.createTable(
      new Table({
        name: 'compounds',
        columns: [col.id(), col.ref('community_id'), col.text('name', 32), col.time('created_at')],
        indices: [unique('uq_compounds_community_name', ['community_id', 'name'])],
        foreignKeys: [fk('fk_compounds_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'buildings',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('compound_id'),
          col.text('name', 32),
          col.time('created_at'),
        ],
        indices: [unique('uq_buildings_compound_name', ['compound_id', 'name'])],
        foreignKeys: [
          fk('fk_buildings_community', 'community_id', 'communities'),
          fk('fk_buildings_compound', 'compound_id', 'compounds'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'households',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('compound_id'),
          col.ref('building_id'),
          col.text('unit', 32, false, ''),
          col.int('floor'),
          col.text('room', 16),
          col.time('created_at'),
        ],
        indices: [
          unique('uq_households_building_unit_room', ['building_id', 'unit', 'room']),
          index('ix_households_community_building_floor', ['community_id', 'building_id', 'floor']),
        ],
        foreignKeys: [
          fk('fk_households_community', 'community_id', 'communities'),
          fk('fk_households_compound', 'compound_id', 'compounds'),
          fk('fk_households_building', 'building_id', 'buildings'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'employers',
        columns: [col.id(), col.ref('community_id'), col.text('name', 64), col.time('created_at')],
        indices: [unique('uq_employers_community_name', ['community_id', 'name'])],
        foreignKeys: [fk('fk_employers_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'memberships',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('user_id'),
          col.text('status', 16),
          col.text('real_name', 32, true),
          col.text('phone_enc', 255, true),
          col.ref('compound_id', true),
          col.ref('household_id', true),
          col.ref('employer_id', true),
          col.time('joined_at'),
          col.time('verified_at', true),
          col.ref('verified_by', true),
        ],
        indices: [
          unique('uq_memberships_community_user', ['community_id', 'user_id']),
          index('ix_memberships_user', ['user_id']),
        ],
        foreignKeys: [
          fk('fk_memberships_community', 'community_id', 'communities'),
          fk('fk_memberships_user', 'user_id', 'users'),
          fk('fk_memberships_compound', 'compound_id', 'compounds'),
          fk('fk_memberships_household', 'household_id', 'households'),
          fk('fk_memberships_employer', 'employer_id', 'employers'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'membership_roles',
        columns: [
          { ...col.ref('membership_id'), isPrimary: true },
          { ...col.text('role', 24), isPrimary: true },
          { ...col.text('compound_id', 36, false, ''), isPrimary: true },
          col.ref('community_id'),
        ],
        indices: [index('ix_membership_roles_community', ['community_id', 'role'])],
        foreignKeys: [fk('fk_membership_roles_membership', 'membership_id', 'memberships', 'CASCADE')],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'membership_roles',
      'memberships',
      'employers',
      'households',
      'buildings',
      'compounds',
      'communities',
      'users',
    ]) {
      await db.dropTable(table);
    }
  }
}
