import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 原单位: the employer organisation of an in-service party member; its annual report goes there. */
@Entity('employers')
@Index('uq_employers_community_name', ['communityId', 'name'], { unique: true })
export class Employer {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
