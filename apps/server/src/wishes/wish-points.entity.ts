import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH } from '../database/columns';

/** The points a community gives for fulfilling a wish of each category (10 when not set). */
@Entity('wish_points')
export class WishPoints {
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) category!: string;
  @Column({ type: 'int' }) points!: number;
}
