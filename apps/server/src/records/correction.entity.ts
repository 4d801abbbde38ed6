import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

export type CorrectionStatus = 'pending' | 'accepted' | 'refused';

/** A volunteer's request to correct a service record, and the secretary's answer (志愿服务记录更正). */
@Entity('record_corrections')
@Index('ix_record_corrections_community', ['communityId', 'status', 'id'])
export class RecordCorrection {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'attendance_id' }) attendanceId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @Column({ name: 'recorded_minutes', type: 'int' }) recordedMinutes!: number;
  @Column({ name: 'requested_minutes', type: 'int' }) requestedMinutes!: number;
  @Column({ type: 'varchar', length: 200 }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) status!: CorrectionStatus;
  @RefColumn({ name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @TimeColumn({ name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_reason', type: 'varchar', length: 200, nullable: true }) decisionReason!:
    string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
