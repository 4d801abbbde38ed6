import type { InvitationStatus, Role } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 邀请: a secretary (or the platform admin) asks someone to join with these roles; they accept or decline. */
@Entity('community_invitations')
@Index('uq_community_invitations_person', ['communityId', 'userId'], { unique: true })
export class Invitation {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  /** JSON array of Role. */
  @Column({ type: 'varchar', length: 200, transformer: { to: JSON.stringify, from: JSON.parse } })
  roles!: Role[];
  @Column({ type: 'varchar', length: 64, nullable: true }) employer!: string | null;
  @RefColumn({ name: 'compound_id', nullable: true }) compoundId!: string | null;
  @RefColumn({ name: 'invited_by' }) invitedBy!: string;
  @Column({ type: 'varchar', length: 16 }) status!: InvitationStatus;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'answered_at', nullable: true }) answeredAt!: Date | null;
}
