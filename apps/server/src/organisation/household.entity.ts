import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 户: room numbers repeat across units, so (building, unit, room) is the key (DESIGN §6). */
@Entity('households')
@Index('uq_households_building_unit_room', ['buildingId', 'unit', 'room'], { unique: true })
@Index('ix_households_community_building_floor', ['communityId', 'buildingId', 'floor'])
export class Household {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'compound_id' }) compoundId!: string;
  @RefColumn({ name: 'building_id' }) buildingId!: string;
  /** '' when the building has no units. */
  @Column({ type: 'varchar', length: 32, default: '' }) unit!: string;
  @Column({ type: 'int' }) floor!: number;
  @Column({ type: 'varchar', length: 16 }) room!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
