import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { checkEmbeddedFile } from './sqlite-file';

/**
 * Applies the pending migrations to the configured database, after the same check of the embedded file
 * that a start makes; returns their names.
 */
export async function runPendingMigrations(config: AppConfig): Promise<string[]> {
  if (config.database.kind === 'sqlite') checkEmbeddedFile(config.database.file);
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
