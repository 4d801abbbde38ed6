import type { FamilyLinkEnd } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

export type { FamilyLinkEnd };

/**
 * A resident and one family member who acts for them (家人代办), in one community. `active` is true while the
 * link holds and NULL once it ended (the row stays): the unique key on the pair and `active` lets one active
 * link exist per pair, and ended ones beside it.
 */
@Entity('family_links')
@Index('uq_family_links_active_pair', ['communityId', 'residentId', 'familyId', 'active'], { unique: true })
@Index('ix_family_links_family', ['familyId', 'communityId', 'active'])
@Index('uq_family_links_code', ['codeId'], { unique: true })
export class FamilyLink {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'resident_id' }) residentId!: string;
  @RefColumn({ name: 'family_id' }) familyId!: string;
  @Column({ type: 'boolean', nullable: true }) active!: true | null;
  /** The code it was made with: one link per code, whatever happens at once. */
  @RefColumn({ name: 'code_id' }) codeId!: string;
  @TimeColumn({ name: 'linked_at' }) linkedAt!: Date;
  @TimeColumn({ name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @RefColumn({ name: 'ended_by', nullable: true }) endedBy!: string | null;
  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason!: FamilyLinkEnd | null;
}

/** A one-time code a resident gives a family member; used once, within FAMILY_LIMITS.codeHours. */
@Entity('family_link_codes')
@Index('uq_family_link_codes_code', ['code'], { unique: true })
@Index('ix_family_link_codes_resident', ['communityId', 'residentId'])
export class FamilyLinkCode {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'resident_id' }) residentId!: string;
  @Column({ type: 'varchar', length: 8 }) code!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'expires_at' }) expiresAt!: Date;
  @TimeColumn({ name: 'used_at', nullable: true }) usedAt!: Date | null;
  @RefColumn({ name: 'used_by', nullable: true }) usedBy!: string | null;
}
