import type { WishAction } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** One step of a wish's timeline: who did what, when, and why. */
@Entity('wish_events')
@Index('ix_wish_events_wish', ['wishId', 'id'])
export class WishEvent {
  @IdColumn() id!: string;
  @RefColumn({ name: 'wish_id' }) wishId!: string;
  @Column({ type: 'varchar', length: 24 }) action!: WishAction | 'post';
  @RefColumn({ name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  /** The actor is a family member acting for the resident (家人代办). */
  @Column({ name: 'as_family', type: 'boolean', default: false }) asFamily!: boolean;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
