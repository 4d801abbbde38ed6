import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { createBackup } from './backup';

/** `npm run backup [-- <folder>]`: a consistent backup of the configured database while the server runs. */
async function main() {
  loadDotEnv();
  const started = Date.now();
  const { folder, manifest } = await createBackup(loadConfig(), process.argv[2]);
  const what = manifest.kind === 'sqlite' ? 'SQLite 快照' : 'mysqldump --single-transaction';
  console.log(`备份完成（${what}，用时 ${Date.now() - started} ms）：${folder}`);
  if (manifest.secrets) console.log('备份中含有内嵌模式的密钥（secrets.json），请像保管数据本身一样保管它。');
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `备份失败：${(error as Error).message}`);
  process.exit(1);
});
