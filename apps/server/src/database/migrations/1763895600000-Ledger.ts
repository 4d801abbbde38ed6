import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk, index, unique } from './schema';

const count = (name: string) => ({ name, type: 'bigint', default: 0 });

/** The points ledger (accounts, chained transfers, period totals) and the rewards catalog with its orders. */
export class Ledger1763895600000 implements MigrationInterface {
  name = 'Ledger1763895600000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'ledger_accounts',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.text('owner', 48),
          col.ref('user_id', true),
          col.text('unit', 16),
          count('credits_posted'),
          count('debits_posted'),
          count('credits_pending'),
          count('debits_pending'),
          col.time('created_at'),
        ],
        indices: [
          unique('uq_ledger_accounts_owner', ['community_id', 'owner', 'unit']),
          index('ix_ledger_accounts_user', ['user_id']),
        ],
        foreignKeys: [
          fk('fk_ledger_accounts_community', 'community_id', 'communities'),
          fk('fk_ledger_accounts_user', 'user_id', 'users'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'ledger_chain_heads',
        columns: [
          { ...col.ref('community_id'), isPrimary: true },
          count('last_sequence'),
          col.text('last_hash', 64),
        ],
        foreignKeys: [fk('fk_ledger_chain_heads_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'ledger_transfers',
        columns: [
          col.id(),
          col.ref('community_id'),
          { name: 'sequence', type: 'bigint' },
          col.text('phase', 8),
          col.ref('debit_account_id'),
          col.ref('credit_account_id'),
          col.text('unit', 16),
          { name: 'amount', type: 'bigint' },
          col.ref('pending_id', true),
          col.ref('reverses_id', true),
          col.ref('link_id', true),
          col.text('code', 24),
          col.text('ref_type', 24, true),
          col.text('ref_id', 64, true),
          col.text('memo', 200, true),
          col.text('idempotency_key', 191),
          col.text('request_hash', 64),
          col.ref('created_by', true),
          col.time('created_at'),
          col.text('prev_hash', 64),
          col.text('hash', 64),
        ],
        indices: [
          unique('uq_ledger_transfers_sequence', ['community_id', 'sequence']),
          unique('uq_ledger_transfers_idempotency', ['community_id', 'idempotency_key']),
          unique('uq_ledger_transfers_pending', ['pending_id']),
          unique('uq_ledger_transfers_reverses', ['reverses_id']),
          index('ix_ledger_transfers_debit', ['debit_account_id', 'id']),
          index('ix_ledger_transfers_credit', ['credit_account_id', 'id']),
          index('ix_ledger_transfers_link', ['link_id']),
          index('ix_ledger_transfers_phase', ['community_id', 'phase', 'id']),
        ],
        foreignKeys: [
          fk('fk_ledger_transfers_community', 'community_id', 'communities'),
          fk('fk_ledger_transfers_debit', 'debit_account_id', 'ledger_accounts'),
          fk('fk_ledger_transfers_credit', 'credit_account_id', 'ledger_accounts'),
          fk('fk_ledger_transfers_pending', 'pending_id', 'ledger_transfers'),
          fk('fk_ledger_transfers_reverses', 'reverses_id', 'ledger_transfers'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'ledger_period_totals',
        columns: [
          { ...col.ref('community_id'), isPrimary: true },
          { ...col.text('unit', 16), isPrimary: true },
          { ...col.text('period', 7), isPrimary: true },
          { ...col.ref('user_id'), isPrimary: true },
          count('earned'),
        ],
        indices: [index('ix_ledger_period_totals_rank', ['community_id', 'unit', 'period', 'earned'])],
      }),
    );
    await db.createTable(
      new Table({
        name: 'rewards',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.text('name', 40),
          col.text('description', 200, true),
          col.text('photo_url', 255, true),
          col.int('cost'),
          col.int('stock'),
          { name: 'active', type: 'boolean', default: true },
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [index('ix_rewards_community', ['community_id', 'active'])],
        foreignKeys: [fk('fk_rewards_community', 'community_id', 'communities')],
      }),
    );
    await db.createTable(
      new Table({
        name: 'redemptions',
        columns: [
          col.id(),
          col.ref('community_id'),
          col.ref('reward_id'),
          col.ref('user_id'),
          col.text('reward_name', 40),
          col.int('quantity'),
          col.int('unit_cost'),
          col.int('total'),
          col.text('status', 16),
          col.ref('transfer_id'),
          col.ref('refund_transfer_id', true),
          col.text('idempotency_key', 191),
          col.text('request_hash', 64),
          col.time('created_at'),
          col.time('closed_at', true),
          col.ref('closed_by', true),
          col.text('cancel_reason', 200, true),
        ],
        indices: [
          unique('uq_redemptions_idempotency', ['community_id', 'idempotency_key']),
          index('ix_redemptions_user', ['user_id', 'id']),
          index('ix_redemptions_community_status', ['community_id', 'status', 'id']),
        ],
        foreignKeys: [
          fk('fk_redemptions_community', 'community_id', 'communities'),
          fk('fk_redemptions_reward', 'reward_id', 'rewards'),
          fk('fk_redemptions_user', 'user_id', 'users'),
          fk('fk_redemptions_transfer', 'transfer_id', 'ledger_transfers'),
          fk('fk_redemptions_refund', 'refund_transfer_id', 'ledger_transfers'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'redemptions',
      'rewards',
      'ledger_period_totals',
      'ledger_transfers',
      'ledger_chain_heads',
      'ledger_accounts',
    ]) {
      await db.dropTable(table);
    }
  }
}
