import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { AppConfig } from '../config/app-config';
import { BackupManifest, MANIFEST, MYSQL_DUMP, SQLITE_COPY, stamp } from './backup';
import { loadMysqlDump } from './mysql-tools';

export class RestoreError extends Error {}

export function readManifest(folder: string): BackupManifest {
  const file = join(folder, MANIFEST);
  if (!existsSync(file)) throw new RestoreError(`${folder} 不是一份完整的备份（没有 ${MANIFEST}）`);
  return JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
}

/**
 * Puts a backup in place of the configured database, the photos and (embedded) the secrets. What it
 * replaces is kept beside it (`….before-restore`), never deleted. The embedded server must be stopped:
 * leaving WAL mode needs the only connection, so a running server makes the restore stop untouched.
 */
export async function restoreBackup(config: AppConfig, folder: string): Promise<string[]> {
  const manifest = readManifest(folder);
  if (manifest.kind !== config.database.kind) {
    throw new RestoreError(`这份备份来自 ${manifest.kind}，当前配置的数据库是 ${config.database.kind}`);
  }
  const now = stamp();
  const keptAside: string[] = [];
  const setAside = (path: string) => {
    if (!existsSync(path)) return;
    const aside = `${path}.${now}.before-restore`;
    renameSync(path, aside);
    keptAside.push(aside);
  };
  if (config.database.kind === 'sqlite') {
    const file = config.database.file;
    if (existsSync(file)) {
      assertNotInUse(file);
      setAside(file);
    }
    const incoming = `${file}.restoring`;
    copyFileSync(join(folder, SQLITE_COPY), incoming);
    chmodSync(incoming, 0o600);
    renameSync(incoming, file);
  } else {
    await dropAllTables(config.database.url);
    await loadMysqlDump(config.database.url, join(folder, MYSQL_DUMP));
  }
  const uploads = join(config.dataDir, 'uploads');
  setAside(uploads);
  if (manifest.uploads) cpSync(join(folder, 'uploads'), uploads, { recursive: true });
  if (manifest.secrets) {
    const secrets = join(config.dataDir, 'secrets.json');
    const incoming = readFileSync(join(folder, 'secrets.json'));
    if (!existsSync(secrets) || !readFileSync(secrets).equals(incoming)) {
      setAside(secrets);
      copyFileSync(join(folder, 'secrets.json'), secrets);
      chmodSync(secrets, 0o600);
    }
  }
  return keptAside;
}

/** Leaving WAL mode checkpoints the log into the file and succeeds only with no other connection open. */
function assertNotInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new RestoreError('服务正在使用数据库，请先停止服务再恢复');
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`服务正在使用数据库，请先停止服务再恢复（${(error as Error).message}）`);
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

async function dropAllTables(url: string): Promise<void> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
    );
    const tables = (rows as { name: string }[]).map((row) => `\`${row.name}\``);
    await connection.query('SET FOREIGN_KEY_CHECKS = 0');
    if (tables.length) await connection.query(`DROP TABLE ${tables.join(', ')}`);
  } finally {
    await connection.end();
  }
}
