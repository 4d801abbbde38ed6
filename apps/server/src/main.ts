import 'reflect-metadata';
import { createApp } from './app.factory';
import { stopOnSignals } from './common/graceful-shutdown';
import { ConfigError, loadConfig } from './config/app-config';
import { loadDotEnv } from './config/dotenv';
import { EmbeddedDatabaseError } from './database/sqlite-file';

async function main() {
  const started = Date.now();
  loadDotEnv();
  const config = loadConfig();
  const app = await createApp(config);
  stopOnSignals(app);
  await app.listen(config.port, config.host);
  const database = config.database.kind === 'mysql' ? 'MySQL' : `SQLite (${config.database.file})`;
  console.log(
    `红马甲已启动：http://${config.host}:${config.port}  数据库：${database}  用时 ${Date.now() - started} ms`,
  );
}

main().catch((error) => {
  const explained = error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  console.error(explained ? error.message : error);
  process.exit(1);
});
