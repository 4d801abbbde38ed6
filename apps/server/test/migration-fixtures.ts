import { DataSource, MigrationInterface } from 'typeorm';

/** Takes a migration back and applies it again on the test's database: its `up` on the data as it stands. */
export async function redoMigration(dataSource: DataSource, migration: MigrationInterface): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await migration.down(runner);
    await migration.up(runner);
  } finally {
    await runner.release();
  }
}
