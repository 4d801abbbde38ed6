import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { runPendingMigrations } from './migrate';
import { EmbeddedDatabaseError } from './sqlite-file';

/** `npm run migrate`: applies the pending migrations to the configured database and says which. */
async function main() {
  loadDotEnv();
  const applied = await runPendingMigrations(loadConfig());
  console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新结构');
}

main().catch((error) => {
  const explained = error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  console.error(explained ? (error as Error).message : error);
  process.exit(1);
});
