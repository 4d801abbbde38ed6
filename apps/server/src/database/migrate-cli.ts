import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { dataSourceOptions } from './data-source-options';

/** `npm run migrate`: applies the pending migrations to the configured database and says which. */
async function main() {
  loadDotEnv();
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(applied.length ? `已执行迁移：${applied.map((m) => m.name).join(', ')}` : '数据库已是最新结构');
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
