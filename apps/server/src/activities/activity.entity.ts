import type { ActivityCategory, PointsRuleKind } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 志愿活动 (DESIGN §3). `number` is small and unique in the deployment: the check-in codes carry it. */
@Entity('activities')
@Index('uq_activities_number', ['number'], { unique: true })
@Index('ix_activities_community_start', ['communityId', 'startAt'])
export class Activity {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'int' }) number!: number;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 16 }) category!: ActivityCategory;
  @Column({ type: 'varchar', length: 100 }) place!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @TimeColumn({ name: 'start_at' }) startAt!: Date;
  @TimeColumn({ name: 'end_at' }) endAt!: Date;
  @Column({ type: 'int', nullable: true }) capacity!: number | null;
  @Column({ name: 'attendee_count', type: 'int', default: 0 }) attendeeCount!: number;
  @Column({ type: 'double', nullable: true }) latitude!: number | null;
  @Column({ type: 'double', nullable: true }) longitude!: number | null;
  @Column({ name: 'radius_m', type: 'int', nullable: true }) radiusM!: number | null;
  @Column({ name: 'points_kind', type: 'varchar', length: 16 }) pointsKind!: PointsRuleKind;
  @Column({ type: 'int' }) points!: number;
  @Column({ name: 'auto_approve', type: 'boolean', default: false }) autoApprove!: boolean;
  @Column({ name: 'enrolment_required', type: 'boolean', default: false }) enrolmentRequired!: boolean;
  @TimeColumn({ name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 100, nullable: true }) cancelReason!:
    string | null;
  @RefColumn({ name: 'created_by' }) createdBy!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}
