import { Role } from '@redvest/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_LENGTH } from '../database/columns';

/** One granted role. A branch secretary's row names its compound; other roles have compound ''. */
@Entity('membership_roles')
@Index('ix_membership_roles_community', ['communityId', 'role'])
export class MembershipRole {
  @PrimaryColumn({ name: 'membership_id', type: 'varchar', length: ID_LENGTH }) membershipId!: string;
  @PrimaryColumn({ type: 'varchar', length: 24 }) role!: Role;
  @PrimaryColumn({ name: 'compound_id', type: 'varchar', length: ID_LENGTH, default: '' })
  compoundId!: string;
  @Column({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
}
