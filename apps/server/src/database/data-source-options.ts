import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { pooledMysql } from './mysql-driver';
import { prepareSqliteConnection } from './sqlite-file';

/**
 * One description of the database for the app, the migration command and the tests. `reader` is the
 * embedded database's second, read-only connection: WAL lets it read the last commit while a write
 * transaction is open, so reads never queue behind writes.
 */
export function dataSourceOptions(database: DatabaseConfig, { reader = false } = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
  };
  if (database.kind === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      driver: pooledMysql({ syncWait: database.syncWait }),
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      // `trace: false`: mysql2 would otherwise capture a stack trace for every query (6% of a check-in's CPU).
      extra: { connectionLimit: 20, trace: false },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    readonly: reader,
    fileMustExist: reader,
    timeout: 10_000,
    enableWAL: !reader,
    prepareDatabase: prepareSqliteConnection,
  };
}
