import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, index } from './schema';

/** Uploaded photos, micro-wishes with their photos, timeline and points per category, and the inbox. */
export class Wishes1763910000000 implements MigrationInterface {
  name = 'Wishes1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'uploads',
        columns: [
          col.id(),
          col.ref('owner_id'),
          col.text('content_type', 32),
          col.int('size'),
          col.text('storage_key', 128),
          col.time('created_at'),
        ],
        foreignKeys: [fk('fk_uploads_owner', 'owner_id', 'users')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'wishes',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('author_id'),
          col.ref('posted_by', true),
          col.text('title', 30),
          col.text('description', 500),
          col.text('category', 16),
          col.ref('compound_id', true),
          col.text('place_enc', 512, true),
          col.text('phone_enc', 255, true),
          col.text('desired_date', 10, true),
          col.text('status', 16),
          col.int('points'),
          col.ref('claimer_id', true),
          col.ref('claimed_for_employer_id', true),
          col.ref('dispatched_by', true),
          col.time('claimed_at', true),
          col.text('fulfil_note', 500, true),
          col.time('fulfilled_at', true),
          col.int('rating', true),
          col.text('thanks', 300, true),
          col.text('confirmation', 16, true),
          col.time('confirmed_at', true),
          col.text('reject_reason', 200, true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [
          index('ix_wishes_board', ['community_id', 'status', 'id']),
          index('ix_wishes_author', ['author_id', 'id']),
          index('ix_wishes_claimer', ['claimer_id', 'status']),
        ],
        foreignKeys: [
          fk('fk_wishes_community', 'community_id', 'communities'),
          fk('fk_wishes_author', 'author_id', 'users'),
          fk('fk_wishes_claimer', 'claimer_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'wish_photos',
        columns: [
          { ...col.ref('wish_id'), isPrimary: true },
          { ...col.ref('upload_id'), isPrimary: true },
          col.text('kind', 16),
          col.int('position'),
        ],
        foreignKeys: [
          fk('fk_wish_photos_wish', 'wish_id', 'wishes'),
          fk('fk_wish_photos_upload', 'upload_id', 'uploads'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'wish_events',
        columns: [
          col.id(),
          col.ref('wish_id'),
          col.text('action', 24),
          col.ref('actor_id', true),
          col.text('note', 500, true),
          col.time('created_at'),
        ],
        indices: [index('ix_wish_events_wish', ['wish_id', 'id'])],
        foreignKeys: [fk('fk_wish_events_wish', 'wish_id', 'wishes')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'wish_points',
        columns: [
          { ...col.ref('community_id'), isPrimary: true },
          { ...col.text('category', 16), isPrimary: true },
          col.int('points'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.ref('community_id'),
          col.text('title', 60),
          col.text('body', 300),
          col.ref('wish_id', true),
          col.time('read_at', true),
          col.time('created_at'),
        ],
        indices: [index('ix_notifications_user', ['user_id', 'id'])],
        foreignKeys: [fk('fk_notifications_user', 'user_id', 'users')],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'wish_points', 'wish_events', 'wish_photos', 'wishes', 'uploads'])
      await db.dropTable(table);
  }
}
