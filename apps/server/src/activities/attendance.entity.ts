import type { AttendanceStatus } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** One attendance per user per activity: a database fact (the unique key), not a read-then-write. */
@Entity('attendances')
@Index('uq_attendances_activity_user', ['activityId', 'userId'], { unique: true })
@Index('ix_attendances_user', ['userId', 'checkedInAt'])
@Index('ix_attendances_open', ['status', 'activityId'])
@Index('ix_attendances_activity_time', ['activityId', 'checkedInAt', 'id'])
export class Attendance {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'activity_id' }) activityId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @TimeColumn({ name: 'checked_in_at' }) checkedInAt!: Date;
  @TimeColumn({ name: 'checked_out_at', nullable: true }) checkedOutAt!: Date | null;
  @Column({ type: 'int', nullable: true }) minutes!: number | null;
  @Column({ type: 'varchar', length: 16 }) status!: AttendanceStatus;
  /** Any scan of it came from the offline queue: its award waits for a secretary. */
  @Column({ type: 'boolean', default: false }) offline!: boolean;
  /** 代签到: the organiser who checked this person in or out. */
  @RefColumn({ name: 'proxy_by', nullable: true }) proxyBy!: string | null;
  @Column({ type: 'int', nullable: true }) points!: number | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
