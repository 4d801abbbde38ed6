import Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileStamp } from './durable-files';

/** Owner-only: the file holds residents' names, encrypted phones and the whole ledger. */
const FILE_MODE = 0o600;
const SQLITE_MAGIC = 'SQLite format 3\0';
/** Bytes 18–19 of the header: 1 = rollback journal (what sql.js wrote), 2 = WAL. */
const LEGACY_JOURNAL = 1;

export class EmbeddedDatabaseError extends Error {}

/**
 * Runs on every connection of the embedded database before TypeORM uses it. `synchronous = FULL` makes
 * each commit wait for the WAL's fsync, so a write answered 2xx survives a process crash and a power
 * loss (NORMAL would survive only the former); see the server README for the measured cost.
 */
export function prepareSqliteConnection(db: Database.Database): void {
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -32000');
  if (db.name !== ':memory:' && !db.readonly) chmodSync(db.name, FILE_MODE);
}

/**
 * Checks the embedded database file before it is opened. A file written by the earlier engine (sql.js,
 * rollback-journal format) is verified and copied aside before it is switched to WAL; a file that is
 * empty or not SQLite at all stops the start with an explanation instead of being replaced by a new,
 * empty database. Returns the backup's path when a copy was made.
 */
export function checkEmbeddedFile(file: string, now = new Date()): string | null {
  if (!existsSync(file)) {
    // SQLite would replay a log left without its database into the new, empty one.
    if (existsSync(`${file}-wal`))
      throw new EmbeddedDatabaseError(
        `找到了 ${file}-wal 却没有数据库文件 ${file}，服务没有启动。请找回数据库文件，或用 npm run restore 从备份恢复。`,
      );
    return null;
  }
  chmodSync(file, FILE_MODE);
  const size = statSync(file).size;
  if (size === 0) {
    throw new EmbeddedDatabaseError(
      `数据库文件 ${file} 是空的（0 字节），可能是旧版本在写入时崩溃留下的。` +
        '如果这是一个新的数据目录，删除这个文件（以及同名的 -wal、-shm 文件）后重新启动；否则请用 npm run restore 从备份恢复。',
    );
  }
  const header = readHeader(file);
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new EmbeddedDatabaseError(`${file} 不是 SQLite 数据库文件，服务没有启动，文件未作任何改动。`);
  }
  if (header[18] !== LEGACY_JOURNAL || header[19] !== LEGACY_JOURNAL) return null;
  assertIntact(file);
  const backup = `${file}.${fileStamp(now)}.before-wal.bak`;
  copyFileSync(file, backup);
  chmodSync(backup, FILE_MODE);
  return backup;
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function assertIntact(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length) {
      throw new EmbeddedDatabaseError(
        `数据库文件 ${basename(file)} 已损坏（${problems.slice(0, 3).join('；')}），服务没有启动，文件未作任何改动。` +
          '请用 npm run restore 从备份恢复。',
      );
    }
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(
      `数据库文件 ${basename(file)} 无法读取（${(error as Error).message}），服务没有启动，文件未作任何改动。`,
    );
  } finally {
    db.close();
  }
}
