import { Column, Entity } from 'typeorm';
import { IdColumn, TimeColumn } from '../database/columns';

/** 社区: the tenant. Everything else belongs to exactly one community. */
@Entity('communities')
export class Community {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) street!: string | null;
  @Column({ name: 'invite_code', type: 'varchar', length: 16, unique: true }) inviteCode!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}
