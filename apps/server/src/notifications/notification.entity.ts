import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';
import type { NotificationTopic } from './notification-topic';

/** 站内消息: every change a person should hear about, kept whether or not WeChat delivered it too. */
@Entity('notifications')
@Index('ix_notifications_user', ['userId', 'id'])
@Index('ix_notifications_wish_topic', ['wishId', 'topic'])
export class Notification {
  @IdColumn() id!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 300 }) body!: string;
  @RefColumn({ name: 'wish_id', nullable: true }) wishId!: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) topic!: NotificationTopic | null;
  @TimeColumn({ name: 'read_at', nullable: true }) readAt!: Date | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
