import type { AuditAction, AuditActorRole, AuditTargetType } from '@redvest/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CountColumn, ID_LENGTH, IdColumn, RefColumn, TimeColumn } from '../database/columns';

/**
 * One line of a community's 审计日志. The app only ever inserts these rows (a test checks that no code
 * updates or deletes them), and each is chained by hash to the one before it, so a changed or missing row
 * shows in `npm run audit:verify`.
 */
@Entity('audit_entries')
@Index('uq_audit_entries_sequence', ['communityId', 'sequence'], { unique: true })
@Index('ix_audit_entries_action', ['communityId', 'action', 'sequence'])
@Index('ix_audit_entries_actor', ['communityId', 'actorId', 'sequence'])
export class AuditEntry {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @CountColumn() sequence!: number;
  @TimeColumn({ name: 'occurred_at' }) occurredAt!: Date;
  @RefColumn({ name: 'actor_id' }) actorId!: string;
  /**
   * The actor's name in the community when they acted (their real name; a member who gave none, the nickname
   * the member list shows), kept when their account is deleted: the record of an official act names who did
   * it. Null for someone who was not a member (the platform admin), and on entries from before names were
   * stored whose actor has no real name in the community (see the AuditActorNames migration).
   */
  @Column({ name: 'actor_name', type: 'varchar', length: 64, nullable: true }) actorName!: string | null;
  @Column({ name: 'actor_role', type: 'varchar', length: 24 }) actorRole!: AuditActorRole;
  @Column({ type: 'varchar', length: 48 }) action!: AuditAction;
  @Column({ name: 'target_type', type: 'varchar', length: 24 }) targetType!: AuditTargetType;
  @Column({ name: 'target_id', type: 'varchar', length: 64 }) targetId!: string;
  /** The member the action concerns (whose points, whose roles), when there is one; named when read. */
  @RefColumn({ name: 'subject_id', nullable: true }) subjectId!: string | null;
  /** What changed, in words: no secrets, no phones or addresses, nothing a resident wrote. */
  @Column({ type: 'varchar', length: 500 }) summary!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true }) userAgent!: string | null;
  /** Which fields `hash` covers (`auditHash`): 1 on entries from before the actor's name was stored, 2 since. */
  @Column({ name: 'hash_version', type: 'int', default: 1 }) hashVersion!: number;
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 }) prevHash!: string;
  @Column({ type: 'varchar', length: 64 }) hash!: string;
}

/** The last link of a community's audit chain; every entry locks it, so the chain's order is the commit order. */
@Entity('audit_chain_heads')
export class AuditChainHead {
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @CountColumn({ name: 'last_sequence' }) lastSequence!: number;
  @Column({ name: 'last_hash', type: 'varchar', length: 64 }) lastHash!: string;
}
