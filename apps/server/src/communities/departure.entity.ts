import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/**
 * A membership that ended (退出社区, 移除成员): the membership row goes, this stays so the community's past
 * service records still carry the person's name. 注销账号 erases the name here too.
 */
@Entity('membership_departures')
@Index('ix_membership_departures_member', ['communityId', 'userId'])
export class Departure {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @Column({ type: 'varchar', length: 8 }) kind!: 'left' | 'removed';
  @Column({ name: 'real_name', type: 'varchar', length: 32, nullable: true }) realName!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason!: string | null;
  @RefColumn({ name: 'ended_by', nullable: true }) endedBy!: string | null;
  @TimeColumn({ name: 'ended_at' }) endedAt!: Date;
}
