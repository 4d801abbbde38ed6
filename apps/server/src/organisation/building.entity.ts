import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 楼栋 */
@Entity('buildings')
@Index('uq_buildings_compound_name', ['compoundId', 'name'], { unique: true })
export class Building {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'compound_id' }) compoundId!: string;
  @Column({ type: 'varchar', length: 32 }) name!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
