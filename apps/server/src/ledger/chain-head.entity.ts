import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CountColumn, ID_LENGTH } from '../database/columns';

/** The last link of a community's transfer chain; every transfer locks it, so the chain's order is the commit order. */
@Entity('ledger_chain_heads')
export class ChainHead {
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @CountColumn({ name: 'last_sequence' }) lastSequence!: number;
  @Column({ name: 'last_hash', type: 'varchar', length: 64 }) lastHash!: string;
}
