import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 兑换商品: an item of the community station's catalog. */
@Entity('rewards')
@Index('ix_rewards_community', ['communityId', 'active'])
export class Reward {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) description!: string | null;
  @Column({ name: 'photo_url', type: 'varchar', length: 255, nullable: true }) photoUrl!: string | null;
  /** Points for one. */
  @Column({ type: 'int' }) cost!: number;
  @Column({ type: 'int' }) stock!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}
