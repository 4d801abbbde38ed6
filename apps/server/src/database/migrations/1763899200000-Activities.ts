import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, fk, index, unique } from './schema';

const flag = (name: string) => ({ name, type: 'boolean', default: false });

/** Volunteer activities, attendances, enrolments; check-in settings per community; job leases and counters. */
export class Activities1763899200000 implements MigrationInterface {
  name = 'Activities1763899200000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('communities', [
      new TableColumn({ name: 'checkin_grace_minutes', type: 'int', default: 30 }),
      new TableColumn({ name: 'repeat_scan_minutes', type: 'int', default: 5 }),
      new TableColumn({ name: 'unclosed_policy', type: 'varchar', length: '16', default: "'no_minutes'" }),
    ]);
    await db.createTable(
      new Table({
        name: 'activities',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.int('number'),
          col.text('title', 60),
          col.text('category', 16),
          col.text('place', 100),
          col.text('description', 500, true),
          col.time('start_at'),
          col.time('end_at'),
          col.int('capacity', true),
          { name: 'attendee_count', type: 'int', default: 0 },
          { name: 'latitude', type: 'double', isNullable: true },
          { name: 'longitude', type: 'double', isNullable: true },
          col.int('radius_m', true),
          col.text('points_kind', 16),
          col.int('points'),
          flag('auto_approve'),
          flag('enrolment_required'),
          col.time('cancelled_at', true),
          col.text('cancel_reason', 100, true),
          col.ref('created_by'),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [
          unique('uq_activities_number', ['number']),
          index('ix_activities_community_start', ['community_id', 'start_at']),
        ],
        foreignKeys: [fk('fk_activities_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'attendances',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('activity_id'),
          col.ref('user_id'),
          col.time('checked_in_at'),
          col.time('checked_out_at', true),
          col.int('minutes', true),
          col.text('status', 16),
          flag('offline'),
          col.ref('proxy_by', true),
          col.int('points', true),
          col.time('created_at'),
        ],
        indices: [
          unique('uq_attendances_activity_user', ['activity_id', 'user_id']),
          index('ix_attendances_user', ['user_id', 'checked_in_at']),
          index('ix_attendances_open', ['status', 'activity_id']),
        ],
        foreignKeys: [
          fk('fk_attendances_community', 'community_id', 'communities'),
          fk('fk_attendances_activity', 'activity_id', 'activities'),
          fk('fk_attendances_user', 'user_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'enrolments',
        columns: [
          { ...col.ref('activity_id'), isPrimary: true },
          { ...col.ref('user_id'), isPrimary: true },
          col.time('created_at'),
        ],
        foreignKeys: [
          fk('fk_enrolments_activity', 'activity_id', 'activities'),
          fk('fk_enrolments_user', 'user_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { ...col.text('name', 48), isPrimary: true },
          col.text('holder', 64),
          col.time('expires_at'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'counters',
        columns: [{ ...col.text('name', 32), isPrimary: true }, col.int('value')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'checkin_failures',
        columns: [{ ...col.ref('user_id'), isPrimary: true }, col.time('window_start'), col.int('failures')],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'checkin_failures',
      'counters',
      'job_leases',
      'enrolments',
      'attendances',
      'activities',
    ]) {
      await db.dropTable(table);
    }
    await db.dropColumns('communities', ['checkin_grace_minutes', 'repeat_scan_minutes', 'unclosed_policy']);
  }
}
