import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** A photo or a voice recording someone uploaded; wishes, fulfilments and demands refer to it by id. */
@Entity('uploads')
export class Upload {
  @IdColumn() id!: string;
  @RefColumn({ name: 'owner_id' }) ownerId!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 32 }) contentType!: string;
  @Column({ type: 'int' }) size!: number;
  /** A recording's length in whole seconds; null for photos. */
  @Column({ type: 'int', nullable: true }) seconds!: number | null;
  /** Where the bytes are in the object store. */
  @Column({ name: 'storage_key', type: 'varchar', length: 128 }) storageKey!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
