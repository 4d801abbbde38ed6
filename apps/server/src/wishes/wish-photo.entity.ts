import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH } from '../database/columns';

/** The photos of a wish (`wish`) and of its fulfilment (`fulfilment`). */
@Entity('wish_photos')
export class WishPhotoLink {
  @PrimaryColumn({ name: 'wish_id', type: 'varchar', length: ID_LENGTH }) wishId!: string;
  @PrimaryColumn({ name: 'upload_id', type: 'varchar', length: ID_LENGTH }) uploadId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'wish' | 'fulfilment';
  @Column({ type: 'int' }) position!: number;
}
