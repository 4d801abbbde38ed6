import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { index } from './schema';

/** Awards found by what they pay for (an attendance, a wish): LedgerReadsService.awardStatus reads by it. */
export class LedgerTransferRefs1764631800000 implements MigrationInterface {
  name = 'LedgerTransferRefs1764631800000';

  async up(db: QueryRunner): Promise<void> {
    await db.createIndex(
      'ledger_transfers',
      new TableIndex(index('ix_ledger_transfers_ref', ['ref_type', 'ref_id'])),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('ledger_transfers', 'ix_ledger_transfers_ref');
  }
}
