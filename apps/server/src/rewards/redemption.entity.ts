import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

export type RedemptionStatus = 'placed' | 'picked_up' | 'cancelled';

/** 兑换订单: points paid, goods waiting at the station until picked up or cancelled (with a refund). */
@Entity('redemptions')
@Index('uq_redemptions_idempotency', ['communityId', 'idempotencyKey'], { unique: true })
@Index('ix_redemptions_user', ['userId', 'id'])
@Index('ix_redemptions_community_status', ['communityId', 'status', 'id'])
export class Redemption {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'reward_id' }) rewardId!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @Column({ name: 'reward_name', type: 'varchar', length: 40 }) rewardName!: string;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ name: 'unit_cost', type: 'int' }) unitCost!: number;
  @Column({ type: 'int' }) total!: number;
  @Column({ type: 'varchar', length: 16 }) status!: RedemptionStatus;
  @RefColumn({ name: 'transfer_id' }) transferId!: string;
  @RefColumn({ name: 'refund_transfer_id', nullable: true }) refundTransferId!: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 191 }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @RefColumn({ name: 'closed_by', nullable: true }) closedBy!: string | null;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true }) cancelReason!:
    string | null;
}
