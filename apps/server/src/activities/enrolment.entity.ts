import { Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, TimeColumn } from '../database/columns';

/** 报名 */
@Entity('enrolments')
export class Enrolment {
  @PrimaryColumn({ name: 'activity_id', type: 'varchar', length: ID_LENGTH }) activityId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: ID_LENGTH }) userId!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
