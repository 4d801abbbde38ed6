import Database from 'better-sqlite3';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { fileStamp, fsyncPath, writeFileDurably } from '../database/durable-files';
import { dumpMysql } from './mysql-tools';

/** What a backup folder holds, written last: a folder without it is not a finished backup. */
export interface BackupManifest {
  format: 1;
  kind: 'sqlite' | 'mysql';
  createdAt: string;
  /** Rows per table in the snapshot (embedded database), checked again before a restore uses it. */
  rows?: Record<string, number>;
  uploads: boolean;
  secrets: boolean;
}

export const MANIFEST = 'manifest.json';
export const SQLITE_COPY = 'redvest.sqlite';
export const MYSQL_DUMP = 'redvest.sql';

/**
 * A consistent copy of the database taken while the server runs (SQLite's `VACUUM INTO` reads one
 * snapshot; MySQL's `mysqldump --single-transaction` one transaction), then the uploaded photos, and in
 * the embedded mode the generated secrets without which the encrypted phone numbers can't be read. The
 * folder is the owner's only; everything is flushed to disk before the manifest is written.
 */
export async function createBackup(
  config: AppConfig,
  folder?: string,
): Promise<{ folder: string; manifest: BackupManifest }> {
  const target = folder ?? join(config.dataDir, 'backups', `redvest-${fileStamp()}`);
  if (existsSync(join(target, MANIFEST))) throw new Error(`${target} 里已经有一份备份，请换一个目录`);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chmodSync(target, 0o700);
  const manifest: BackupManifest = {
    format: 1,
    kind: config.database.kind,
    createdAt: new Date().toISOString(),
    uploads: false,
    secrets: false,
  };
  if (config.database.kind === 'sqlite') {
    manifest.rows = snapshotSqlite(config.database.file, join(target, SQLITE_COPY));
  } else {
    await dumpMysql(config.database.url, join(target, MYSQL_DUMP));
    assertDumpComplete(join(target, MYSQL_DUMP));
    fsyncPath(join(target, MYSQL_DUMP));
  }
  // After the snapshot: every photo it refers to was uploaded before it, so it is here.
  const uploads = join(config.dataDir, 'uploads');
  if (existsSync(uploads)) {
    cpSync(uploads, join(target, 'uploads'), { recursive: true });
    manifest.uploads = true;
  }
  const secrets = join(config.dataDir, 'secrets.json');
  if (config.database.kind === 'sqlite' && existsSync(secrets)) {
    writeFileDurably(join(target, 'secrets.json'), readFileSync(secrets));
    manifest.secrets = true;
  }
  fsyncPath(target);
  writeFileDurably(join(target, MANIFEST), JSON.stringify(manifest, null, 2));
  return { folder: target, manifest };
}

/** mysqldump ends a dump it finished with this line; a dump cut short has none. */
export function assertDumpComplete(file: string): void {
  const tail = readFileSync(file).subarray(-400).toString('utf8');
  if (!tail.includes('-- Dump completed')) throw new Error(`${file} 不完整（没有 “-- Dump completed”）`);
}

/** Rows per table of an SQLite file, to compare a copy with what it was made from. */
export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number]),
  );
}

function snapshotSqlite(file: string, copy: string): Record<string, number> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(copy);
  } finally {
    source.close();
  }
  chmodSync(copy, 0o600);
  const snapshot = new Database(copy);
  try {
    // Restored files open straight in the engine's own mode.
    snapshot.pragma('journal_mode = WAL');
    return rowCounts(snapshot);
  } finally {
    // The last connection's close checkpoints and removes the WAL: the copy is one self-contained file.
    snapshot.close();
    fsyncPath(copy);
  }
}
