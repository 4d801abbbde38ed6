import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, index, unique } from './schema';

/** 审计日志: append-only entries, hash-chained per community like the ledger. */
export class AuditLog1764621000000 implements MigrationInterface {
  name = 'AuditLog1764621000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'audit_chain_heads',
        columns: [
          { ...col.ref('community_id'), isPrimary: true },
          { name: 'last_sequence', type: 'bigint', default: 0 },
          col.text('last_hash', 64),
        ],
        foreignKeys: [fk('fk_audit_chain_heads_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          col.id(),
          col.ref('community_id'),
          { name: 'sequence', type: 'bigint' },
          col.time('occurred_at'),
          col.ref('actor_id'),
          col.text('actor_role', 24),
          col.text('action', 48),
          col.text('target_type', 24),
          col.text('target_id', 64),
          col.ref('subject_id', true),
          col.text('summary', 500),
          col.text('ip', 64, true),
          col.text('user_agent', 255, true),
          col.text('prev_hash', 64),
          col.text('hash', 64),
        ],
        indices: [
          unique('uq_audit_entries_sequence', ['community_id', 'sequence']),
          index('ix_audit_entries_action', ['community_id', 'action', 'sequence']),
          index('ix_audit_entries_actor', ['community_id', 'actor_id', 'sequence']),
        ],
        foreignKeys: [
          fk('fk_audit_entries_community', 'community_id', 'communities'),
          fk('fk_audit_entries_actor', 'actor_id', 'users'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('audit_entries');
    await db.dropTable('audit_chain_heads');
  }
}
