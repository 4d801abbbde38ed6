import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from './schema';

/**
 * The approvals queue as a table of the pending transfers still waiting (ledger_open_pendings), filled
 * from the ledger as it stands: the queue read every pending transfer ever written to find the open ones.
 */
export class ApprovalQueue1764642600000 implements MigrationInterface {
  name = 'ApprovalQueue1764642600000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'ledger_open_pendings',
        columns: [
          { ...col.ref('community_id'), isPrimary: true },
          { ...col.ref('transfer_id'), isPrimary: true },
          col.ref('user_id', true),
        ],
        foreignKeys: [fk('fk_ledger_open_pendings_transfer', 'transfer_id', 'ledger_transfers')],
      }),
    );
    // A community at a time, from the (community, phase, id) and pending-id indexes alone: 2.5 s for a
    // community of 1M transfers, where one statement over every row read them all from the table (58 s).
    const communities: { community_id: string }[] = await db.query(
      'SELECT community_id FROM ledger_chain_heads',
    );
    for (const { community_id } of communities) {
      await db.query(
        `INSERT INTO ledger_open_pendings (community_id, transfer_id)
         SELECT t.community_id, t.id FROM ledger_transfers t
         WHERE t.community_id = ? AND t.phase = 'pending'
         AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id)`,
        [community_id],
      );
    }
    await db.query(
      `UPDATE ledger_open_pendings SET user_id = (
         SELECT a.user_id FROM ledger_transfers t INNER JOIN ledger_accounts a ON a.id = t.credit_account_id
         WHERE t.id = ledger_open_pendings.transfer_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('ledger_open_pendings');
  }
}
