import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, fk, index, unique } from './schema';

/**
 * 家人代办: link codes, and the links between a resident and their family members, per community. A link ends by
 * turning its `active` from 1 to NULL, and stays as a record. "One active link per pair" is the unique key on
 * (community, resident, family, active): NULLs never collide, on MariaDB as on SQLite, so ended links may pile up
 * while a second active one cannot exist. A code's `code` is unique for good, used or not.
 * Wishes and their timeline say what a family member did for the resident (`posted_as_family`, `as_family`) and
 * who confirmed (`confirmed_by`).
 */
export class FamilyLinks1764660600000 implements MigrationInterface {
  name = 'FamilyLinks1764660600000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'family_link_codes',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('resident_id'),
          col.text('code', 8),
          col.time('created_at'),
          col.time('expires_at'),
          col.time('used_at', true),
          col.ref('used_by', true),
        ],
        indices: [
          unique('uq_family_link_codes_code', ['code']),
          index('ix_family_link_codes_resident', ['community_id', 'resident_id']),
        ],
        foreignKeys: [
          fk('fk_family_link_codes_community', 'community_id', 'communities'),
          fk('fk_family_link_codes_resident', 'resident_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'family_links',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('resident_id'),
          col.ref('family_id'),
          { name: 'active', type: 'boolean', isNullable: true },
          col.ref('code_id'),
          col.time('linked_at'),
          col.time('ended_at', true),
          col.ref('ended_by', true),
          col.text('end_reason', 16, true),
        ],
        indices: [
          unique('uq_family_links_active_pair', ['community_id', 'resident_id', 'family_id', 'active']),
          index('ix_family_links_family', ['family_id', 'community_id', 'active']),
          unique('uq_family_links_code', ['code_id']),
        ],
        foreignKeys: [
          fk('fk_family_links_community', 'community_id', 'communities'),
          fk('fk_family_links_resident', 'resident_id', 'users'),
          fk('fk_family_links_family', 'family_id', 'users'),
          fk('fk_family_links_code', 'code_id', 'family_link_codes'),
        ],
      }),
    );
    await db.addColumns('wishes', [
      new TableColumn({ name: 'posted_as_family', type: 'boolean', default: false }),
      new TableColumn(col.ref('confirmed_by', true)),
    ]);
    await db.addColumn(
      'wish_events',
      new TableColumn({ name: 'as_family', type: 'boolean', default: false }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('wish_events', 'as_family');
    await db.dropColumns('wishes', ['posted_as_family', 'confirmed_by']);
    await db.dropTable('family_links');
    await db.dropTable('family_link_codes');
  }
}
