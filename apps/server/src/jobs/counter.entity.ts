import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small sequences shared by every server process (activity numbers). */
@Entity('counters')
export class Counter {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'int' }) value!: number;
}
