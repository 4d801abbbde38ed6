import { MembershipStatus } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** A user's place in one community: real name, phone (encrypted), compound, employer and status. */
@Entity('memberships')
@Index('uq_memberships_community_user', ['communityId', 'userId'], { unique: true })
export class Membership {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: MembershipStatus;
  @Column({ name: 'real_name', type: 'varchar', length: 32, nullable: true }) realName!: string | null;
  /** AES-256-GCM ciphertext; see PersonalDataCipher. */
  @Column({ name: 'phone_enc', type: 'varchar', length: 255, nullable: true }) phoneEnc!: string | null;
  @RefColumn({ name: 'compound_id', nullable: true }) compoundId!: string | null;
  @RefColumn({ name: 'household_id', nullable: true }) householdId!: string | null;
  @RefColumn({ name: 'employer_id', nullable: true }) employerId!: string | null;
  /** A contact member lets the households they look after see their phone (联系包户党员). */
  @Column({ name: 'show_phone_to_households', type: 'boolean', default: false })
  showPhoneToHouseholds!: boolean;
  @TimeColumn({ name: 'joined_at' }) joinedAt!: Date;
  @TimeColumn({ name: 'verified_at', nullable: true }) verifiedAt!: Date | null;
  @RefColumn({ name: 'verified_by', nullable: true }) verifiedBy!: string | null;
}
