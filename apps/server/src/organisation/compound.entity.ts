import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 小区: a residential compound, with its party branch. */
@Entity('compounds')
@Index('uq_compounds_community_name', ['communityId', 'name'], { unique: true })
export class Compound {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'varchar', length: 32 }) name!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
