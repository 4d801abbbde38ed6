import { TableColumnOptions, TableForeignKeyOptions, TableIndexOptions } from 'typeorm';
import { ID_LENGTH } from '../columns';

/** Column builders for migrations, written once so every table reads the same on MySQL and SQLite. */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: String(ID_LENGTH), isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(ID_LENGTH),
    isNullable: nullable,
  }),
  text: (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
    ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable }),
  time: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: nullable,
  }),
};

export const unique = (name: string, columnNames: string[]): TableIndexOptions => ({
  name,
  columnNames,
  isUnique: true,
});

export const index = (name: string, columnNames: string[]): TableIndexOptions => ({ name, columnNames });

export const fk = (
  name: string,
  column: string,
  table: string,
  onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT',
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});
