import type { DemandStatus } from '@redvest/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** Why a household left a group: taken by another group, the group dissolved, or released by the secretary. */
export type AssignmentEndReason = 'reassigned' | 'dissolved' | 'released';

/** 包户小组: normally three in-service party members with a leader. */
@Entity('contact_groups')
@Index('ix_contact_groups_community', ['communityId', 'status'])
@Index('ix_contact_groups_leader', ['communityId', 'leaderId', 'status'])
export class ContactGroup {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'compound_id', nullable: true }) compoundId!: string | null;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @RefColumn({ name: 'leader_id' }) leaderId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'active' | 'dissolved';
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'dissolved_at', nullable: true }) dissolvedAt!: Date | null;
}

@Entity('contact_group_members')
@Index('ix_contact_group_members_user', ['userId'])
export class ContactGroupMember {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: ID_LENGTH }) groupId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: ID_LENGTH }) userId!: string;
}

/**
 * The active assignment of a household: its own table with the household as the key, so "at most one
 * active group per household" is a database fact on MariaDB too (no partial unique indexes there).
 */
@Entity('household_assignments')
@Index('ix_household_assignments_group', ['groupId'])
export class HouseholdAssignment {
  @PrimaryColumn({ name: 'household_id', type: 'varchar', length: ID_LENGTH }) householdId!: string;
  @RefColumn({ name: 'group_id' }) groupId!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @TimeColumn({ name: 'assigned_at' }) assignedAt!: Date;
}

/** Every assignment that ended: reassignments and dissolved groups keep their history. */
@Entity('household_assignment_history')
@Index('ix_household_assignment_history_household', ['householdId'])
export class HouseholdAssignmentHistory {
  @IdColumn() id!: string;
  @RefColumn({ name: 'household_id' }) householdId!: string;
  @RefColumn({ name: 'group_id' }) groupId!: string;
  @TimeColumn({ name: 'assigned_at' }) assignedAt!: Date;
  @TimeColumn({ name: 'ended_at' }) endedAt!: Date;
  @Column({ type: 'varchar', length: 16 }) reason!: AssignmentEndReason;
}

/** 入户走访: who went, who lives there, their phone (encrypted), vulnerable flags and notes. */
@Entity('visits')
@Index('ix_visits_household', ['householdId', 'visitedAt'])
@Index('ix_visits_community_time', ['communityId', 'visitedAt'])
@Index('uq_visits_client_key', ['recordedBy', 'clientKey'], { unique: true })
export class Visit {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'household_id' }) householdId!: string;
  @RefColumn({ name: 'group_id' }) groupId!: string;
  @TimeColumn({ name: 'visited_at' }) visitedAt!: Date;
  @RefColumn({ name: 'recorded_by' }) recordedBy!: string;
  /** JSON array of user ids. */
  @Column({ name: 'visitor_ids', type: 'varchar', length: 400 }) visitorIds!: string;
  @Column({ type: 'int', nullable: true }) residents!: number | null;
  @Column({ type: 'boolean', nullable: true }) rented!: boolean | null;
  @Column({ name: 'move_in_date', type: 'varchar', length: 10, nullable: true }) moveInDate!: string | null;
  @Column({ name: 'phone_enc', type: 'varchar', length: 255, nullable: true }) phoneEnc!: string | null;
  /** JSON array of HouseholdFlag. */
  @Column({ type: 'varchar', length: 200 }) flags!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) notes!: string | null;
  /** The app's key for a visit saved on a weak signal and sent again. */
  @Column({ name: 'client_key', type: 'varchar', length: 64 }) clientKey!: string;
  /** What the request asked for (null on visits recorded before it was kept). */
  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true }) requestHash!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}

/** 诉求: raised in a visit or by a resident; routed to the compound's branch. */
@Entity('demands')
@Index('ix_demands_community', ['communityId', 'status', 'id'])
export class Demand {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'compound_id', nullable: true }) compoundId!: string | null;
  @RefColumn({ name: 'household_id', nullable: true }) householdId!: string | null;
  @RefColumn({ name: 'visit_id', nullable: true }) visitId!: string | null;
  @RefColumn({ name: 'raised_by' }) raisedBy!: string;
  @Column({ type: 'varchar', length: 16 }) category!: string;
  @Column({ type: 'varchar', length: 500 }) text!: string;
  @Column({ type: 'varchar', length: 16 }) status!: DemandStatus;
  @RefColumn({ name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true }) rejectReason!:
    string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) resolution!: string | null;
  /** Who resolved it and wrote the resolution: the assignee or the branch. */
  @RefColumn({ name: 'resolved_by', nullable: true }) resolvedBy!: string | null;
  @RefColumn({ name: 'wish_id', nullable: true }) wishId!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** The photos of a demand, in the order they were given. */
@Entity('demand_photos')
export class DemandPhoto {
  @PrimaryColumn({ name: 'demand_id', type: 'varchar', length: ID_LENGTH }) demandId!: string;
  @PrimaryColumn({ name: 'upload_id', type: 'varchar', length: ID_LENGTH }) uploadId!: string;
  @Column({ type: 'int' }) position!: number;
}
