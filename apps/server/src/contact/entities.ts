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
 * It carries the household's building and last visit, so 走访覆盖 reads one index of the assignments
 * (`ix_household_assignments_coverage`) instead of the visits.
 */
@Entity('household_assignments')
@Index('ix_household_assignments_group', ['groupId'])
@Index('ix_household_assignments_coverage', ['communityId', 'groupId', 'buildingId', 'lastVisitedAt'])
export class HouseholdAssignment {
  @PrimaryColumn({ name: 'household_id', type: 'varchar', length: ID_LENGTH }) householdId!: string;
  @RefColumn({ name: 'group_id' }) groupId!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  /** The household's building (a household never moves to another). */
  @RefColumn({ name: 'building_id' }) buildingId!: string;
  @TimeColumn({ name: 'assigned_at' }) assignedAt!: Date;
  /**
   * The household's latest visit by anyone, ever (null: never visited): set from its visits when assigned,
   * raised in the transaction that records a visit (visit-counters.ts).
   */
  @TimeColumn({ name: 'last_visited_at', nullable: true }) lastVisitedAt!: Date | null;
}

/**
 * How many visits a household had in a month of China's calendar (`2026-11`), kept in the transaction
 * that records each visit (visit-counters.ts), with the group the household is assigned to now: the
 * month's coverage reads `ix_household_visit_months_coverage` alone, not the visits.
 */
@Entity('household_visit_months')
@Index('ix_household_visit_months_coverage', ['communityId', 'month', 'groupId', 'buildingId'])
export class HouseholdVisitMonth {
  @PrimaryColumn({ name: 'household_id', type: 'varchar', length: ID_LENGTH }) householdId!: string;
  @PrimaryColumn({ type: 'varchar', length: 7 }) month!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'building_id' }) buildingId!: string;
  /** The household's group now (null: none), changed with its assignment, whoever made the visits. */
  @RefColumn({ name: 'group_id', nullable: true }) groupId!: string | null;
  @Column({ type: 'int' }) visits!: number;
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
