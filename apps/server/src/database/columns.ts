import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/** Column shapes shared by every entity, so the migrations and the entities agree on both databases. */
export const ID_LENGTH = 36;

export function IdColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'varchar', length: ID_LENGTH });
}

export function RefColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: ID_LENGTH, ...options });
}

/** Millisecond timestamps, stored in UTC. */
export function TimeColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}

/** Integer totals kept as BIGINT; read back as numbers (they stay far below 2^53). */
export function CountColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({
    type: 'bigint',
    default: 0,
    transformer: {
      to: (value: number) => value,
      from: (value: string | number | null) => (value === null ? null : Number(value)),
    },
    ...options,
  });
}
