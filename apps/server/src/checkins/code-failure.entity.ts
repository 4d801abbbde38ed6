import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, TimeColumn } from '../database/columns';

/** Wrong codes per user in the current ten-minute window, kept in the database so every process sees them. */
@Entity('checkin_failures')
export class CheckinFailure {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: ID_LENGTH }) userId!: string;
  @TimeColumn({ name: 'window_start' }) windowStart!: Date;
  @Column({ type: 'int' }) failures!: number;
}
