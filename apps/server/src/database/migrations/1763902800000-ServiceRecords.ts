import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, index, unique } from './schema';

/** Corrections of service records and issued service certificates. */
export class ServiceRecords1763902800000 implements MigrationInterface {
  name = 'ServiceRecords1763902800000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'record_corrections',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('attendance_id'),
          col.ref('user_id'),
          col.int('recorded_minutes'),
          col.int('requested_minutes'),
          col.text('reason', 200),
          col.text('status', 16),
          col.ref('decided_by', true),
          col.time('decided_at', true),
          col.text('decision_reason', 200, true),
          col.time('created_at'),
        ],
        indices: [index('ix_record_corrections_community', ['community_id', 'status', 'id'])],
        foreignKeys: [
          fk('fk_record_corrections_community', 'community_id', 'communities'),
          fk('fk_record_corrections_attendance', 'attendance_id', 'attendances'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'certificates',
        columns: [
          col.id(),
          col.text('code', 16),
          col.ref('community_id'),
          col.ref('user_id'),
          col.text('holder_name', 32),
          col.text('period_from', 10),
          col.text('period_to', 10),
          col.int('activity_count'),
          col.int('total_minutes'),
          { name: 'entries', type: 'text' },
          col.time('issued_at'),
        ],
        indices: [unique('uq_certificates_code', ['code'])],
        foreignKeys: [
          fk('fk_certificates_community', 'community_id', 'communities'),
          fk('fk_certificates_user', 'user_id', 'users'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('certificates');
    await db.dropTable('record_corrections');
  }
}
