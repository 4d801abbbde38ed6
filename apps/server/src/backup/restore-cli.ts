import { verifyAllAuditLogs } from '../audit/verify-all';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { runPendingMigrations } from '../database/migrate';
import { verifyAllLedgers } from '../ledger/verify-all';
import { readManifest, restoreBackup, RestoreError } from './restore';

/**
 * `npm run restore -- <folder> --yes`: replaces the configured database with a backup, brings its schema
 * up to date, then verifies every ledger and 审计日志.
 */
async function main() {
  loadDotEnv();
  const folder = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!folder) throw new RestoreError('用法：npm run restore -- <备份目录> --yes');
  const manifest = readManifest(folder);
  if (!process.argv.includes('--yes')) {
    throw new RestoreError(
      `将用 ${manifest.createdAt} 的备份替换当前数据库（之后的改动都会被撤销，原数据另存为 *.before-restore）。确认请加 --yes`,
    );
  }
  const config = loadConfig();
  const keptAside: string[] = [];
  try {
    await restoreBackup(config, folder, keptAside);
  } finally {
    keptAside.forEach((path) => console.log(`  原来的数据另存为 ${path}`));
  }
  console.log(`已恢复 ${manifest.createdAt} 的备份。`);
  const migrated = await runPendingMigrations(config);
  if (migrated.length) console.log(`已执行迁移：${migrated.join(', ')}`);
  const broken = (await verifyAllLedgers(config)) + (await verifyAllAuditLogs(config));
  process.exit(broken ? 1 : 0);
}

main().catch((error) => {
  const explained = error instanceof ConfigError || error instanceof RestoreError;
  console.error(explained ? (error as Error).message : `恢复失败：${(error as Error).message}`);
  process.exit(1);
});
