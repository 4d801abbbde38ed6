import { Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, RefColumn } from '../database/columns';

/**
 * 待审批: the pending transfers no posting or voiding row names yet, kept with the transfers in their
 * transaction (LedgerChain.append), so the approvals queue reads only what waits, never the ledger's
 * history. Ordered by transfer id, which is time-ordered: the queue's order and its cursor.
 */
@Entity('ledger_open_pendings')
export class OpenPending {
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @PrimaryColumn({ name: 'transfer_id', type: 'varchar', length: ID_LENGTH }) transferId!: string;
  /** The member it would credit: the branch secretaries' queues are by the member's compound. */
  @RefColumn({ name: 'user_id', nullable: true }) userId!: string | null;
}
