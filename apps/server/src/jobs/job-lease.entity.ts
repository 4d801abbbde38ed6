import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../database/columns';

/** Which server process runs a scheduled job until when: the one holding an unexpired lease. */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 48 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) holder!: string;
  @TimeColumn({ name: 'expires_at' }) expiresAt!: Date;
}
