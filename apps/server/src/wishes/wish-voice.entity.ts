import { Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, RefColumn } from '../database/columns';

/** 语音说明: the one recording of a wish; a recording belongs to one wish (both are keys). */
@Entity('wish_voices')
@Index('uq_wish_voices_upload', ['uploadId'], { unique: true })
export class WishVoice {
  @PrimaryColumn({ name: 'wish_id', type: 'varchar', length: ID_LENGTH }) wishId!: string;
  @RefColumn({ name: 'upload_id' }) uploadId!: string;
}
