import { Column, Entity } from 'typeorm';
import { IdColumn, TimeColumn } from '../database/columns';

/** 社区: the tenant. Everything else belongs to exactly one community. */
@Entity('communities')
export class Community {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) street!: string | null;
  @Column({ name: 'invite_code', type: 'varchar', length: 16, unique: true }) inviteCode!: string;
  /** Minutes after an activity's end during which codes and offline scans are still accepted. */
  @Column({ name: 'checkin_grace_minutes', type: 'int', default: 30 }) checkinGraceMinutes!: number;
  /** A second scan this soon after checking in only returns the attendance (people tap twice). */
  @Column({ name: 'repeat_scan_minutes', type: 'int', default: 5 }) repeatScanMinutes!: number;
  /** 未签退: `no_minutes` counts none (the default), `to_end` counts the minutes to the activity's end. */
  @Column({ name: 'unclosed_policy', type: 'varchar', length: 16, default: 'no_minutes' }) unclosedPolicy!:
    'no_minutes' | 'to_end';
  /** 包户小组 size: normally three. */
  @Column({ name: 'contact_group_size', type: 'int', default: 3 }) contactGroupSize!: number;
  /** A household not visited for this many days is overdue. */
  @Column({ name: 'visit_overdue_days', type: 'int', default: 90 }) visitOverdueDays!: number;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
