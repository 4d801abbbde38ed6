import type { WishCategory, WishStatus } from '@redvest/contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 微心愿. Its status changes only by conditional updates (`… WHERE id = ? AND status = ?`). */
@Entity('wishes')
@Index('ix_wishes_board', ['communityId', 'status', 'id'])
@Index('ix_wishes_author', ['authorId', 'id'])
@Index('ix_wishes_claimer', ['claimerId', 'status'])
@Index('ix_wishes_expiring', ['communityId', 'status', 'desiredDate', 'id'])
export class Wish {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'author_id' }) authorId!: string;
  @RefColumn({ name: 'posted_by', nullable: true }) postedBy!: string | null;
  /** `postedBy` is a linked family member of the author (家人代办), not a secretary. */
  @Column({ name: 'posted_as_family', type: 'boolean', default: false }) postedAsFamily!: boolean;
  @Column({ type: 'varchar', length: 30 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) description!: string;
  @Column({ type: 'varchar', length: 16 }) category!: WishCategory;
  @RefColumn({ name: 'compound_id', nullable: true }) compoundId!: string | null;
  /** Where, and the phone to call: personal data, encrypted. */
  @Column({ name: 'place_enc', type: 'varchar', length: 512, nullable: true }) placeEnc!: string | null;
  @Column({ name: 'phone_enc', type: 'varchar', length: 255, nullable: true }) phoneEnc!: string | null;
  @Column({ name: 'desired_date', type: 'varchar', length: 10, nullable: true }) desiredDate!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: WishStatus;
  @Column({ type: 'int' }) points!: number;
  @RefColumn({ name: 'claimer_id', nullable: true }) claimerId!: string | null;
  @RefColumn({ name: 'claimed_for_employer_id', nullable: true }) claimedForEmployerId!: string | null;
  @RefColumn({ name: 'dispatched_by', nullable: true }) dispatchedBy!: string | null;
  @TimeColumn({ name: 'claimed_at', nullable: true }) claimedAt!: Date | null;
  @Column({ name: 'fulfil_note', type: 'varchar', length: 500, nullable: true }) fulfilNote!: string | null;
  @TimeColumn({ name: 'fulfilled_at', nullable: true }) fulfilledAt!: Date | null;
  @Column({ type: 'int', nullable: true }) rating!: number | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) thanks!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) confirmation!:
    'author' | 'on_behalf' | 'family' | 'auto' | null;
  /** Who confirmed: the author, or who confirmed for them; null when confirmed automatically. */
  @RefColumn({ name: 'confirmed_by', nullable: true }) confirmedBy!: string | null;
  @TimeColumn({ name: 'confirmed_at', nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true }) rejectReason!:
    string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** The columns of a wish nobody has taken yet: what a new wish starts with. */
export const NOT_YET_TAKEN = {
  claimerId: null,
  claimedForEmployerId: null,
  dispatchedBy: null,
  claimedAt: null,
  fulfilNote: null,
  fulfilledAt: null,
  rating: null,
  thanks: null,
  confirmation: null,
  confirmedBy: null,
  confirmedAt: null,
  rejectReason: null,
} satisfies Partial<Wish>;
