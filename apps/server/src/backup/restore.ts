import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { AppConfig } from '../config/app-config';
import { fileStamp, fsyncPath } from '../database/durable-files';
import { assertDumpComplete, BackupManifest, MANIFEST, MYSQL_DUMP, rowCounts, SQLITE_COPY } from './backup';
import { dumpMysql, loadMysqlDump } from './mysql-tools';

export class RestoreError extends Error {}

export function readManifest(folder: string): BackupManifest {
  const file = join(folder, MANIFEST);
  if (!existsSync(file)) throw new RestoreError(`${folder} 不是一份完整的备份（没有 ${MANIFEST}）`);
  return JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
}

/**
 * Puts a backup in place of the configured database, the photos and (embedded) the secrets. The backup is
 * checked before anything is touched, and what it replaces is kept beside it (`….before-restore`, listed
 * in `keptAside` as it goes, so a failure can say where), never deleted. The server must be stopped: a
 * running one makes the restore stop with nothing changed.
 */
export async function restoreBackup(
  config: AppConfig,
  folder: string,
  keptAside: string[] = [],
): Promise<void> {
  const manifest = readManifest(folder);
  if (manifest.kind !== config.database.kind) {
    throw new RestoreError(`这份备份来自 ${manifest.kind}，当前配置的数据库是 ${config.database.kind}`);
  }
  const now = fileStamp();
  const setAside = (path: string) => {
    if (!existsSync(path)) return;
    const aside = `${path}.${now}.before-restore`;
    renameSync(path, aside);
    keptAside.push(aside);
  };
  if (config.database.kind === 'sqlite') {
    restoreSqlite(config.database.file, join(folder, SQLITE_COPY), manifest, setAside);
  } else {
    await restoreMysql(
      config.database.url,
      join(folder, MYSQL_DUMP),
      join(config.dataDir, `mysql.${now}.before-restore.sql`),
      keptAside,
    );
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
  fsyncPath(config.dataDir);
}

function restoreSqlite(
  file: string,
  copy: string,
  manifest: BackupManifest,
  setAside: (path: string) => void,
): void {
  const incoming = `${file}.restoring`;
  copyFileSync(copy, incoming);
  chmodSync(incoming, 0o600);
  try {
    assertSameRows(incoming, manifest.rows ?? {});
    fsyncPath(incoming);
    if (existsSync(file)) assertNotInUse(file);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  // A log left beside the file would be replayed into the restored database.
  for (const path of [file, `${file}-wal`, `${file}-shm`]) setAside(path);
  renameSync(incoming, file);
  fsyncPath(dirname(file));
}

function assertSameRows(file: string, expected: Record<string, number>): void {
  try {
    compareRows(file, expected);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`备份中的数据库文件已损坏（${(error as Error).message}），什么都没有改动`);
  }
}

function compareRows(file: string, expected: Record<string, number>): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new RestoreError(`备份中的数据库文件已损坏（${String(integrity)}），什么都没有改动`);
    const found = rowCounts(db);
    const differing = Object.keys(expected).filter((table) => found[table] !== expected[table]);
    if (differing.length)
      throw new RestoreError(
        `备份中的数据库与备份时记下的行数不符（${differing.join('、')}），什么都没有改动`,
      );
  } finally {
    db.close();
  }
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
}

/**
 * MySQL: the backup's dump must be whole and nobody else connected to the database; the current data is
 * dumped aside first, then every table is dropped and the backup loaded.
 */
async function restoreMysql(url: string, dump: string, aside: string, keptAside: string[]): Promise<void> {
  assertDumpComplete(dump);
  const connection = await createConnection(url);
  try {
    const [others] = await connection.query(
      'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()',
    );
    if (Number((others as { n: number }[])[0].n) > 0)
      throw new RestoreError('还有其他连接在使用这个数据库（服务是否还在运行？），请先停止服务再恢复');
    await dumpMysql(url, aside);
    assertDumpComplete(aside);
    fsyncPath(aside);
    keptAside.push(aside);
    const [rows] = await connection.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
    );
    const tables = (rows as { name: string }[]).map((row) => `\`${row.name}\``);
    await connection.query('SET FOREIGN_KEY_CHECKS = 0');
    if (tables.length) await connection.query(`DROP TABLE ${tables.join(', ')}`);
  } finally {
    await connection.end();
  }
  await loadMysqlDump(url, dump);
}
