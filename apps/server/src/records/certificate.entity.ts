import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/**
 * 志愿服务证明: what was certified is kept as issued (the activities and minutes at that moment), so a
 * certificate reads the same however often it is downloaded; the code lets anyone confirm it.
 */
@Entity('certificates')
@Index('uq_certificates_code', ['code'], { unique: true })
export class Certificate {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @Column({ name: 'holder_name', type: 'varchar', length: 32 }) holderName!: string;
  @Column({ name: 'period_from', type: 'varchar', length: 10 }) periodFrom!: string;
  @Column({ name: 'period_to', type: 'varchar', length: 10 }) periodTo!: string;
  @Column({ name: 'activity_count', type: 'int' }) activityCount!: number;
  @Column({ name: 'total_minutes', type: 'int' }) totalMinutes!: number;
  /** JSON: [{date, title, place, minutes}] */
  @Column({ type: 'text' }) entries!: string;
  @TimeColumn({ name: 'issued_at' }) issuedAt!: Date;
}
