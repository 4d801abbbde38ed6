import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from './harness';

// The embedded engine's own promises; MariaDB has its own durability, so this file runs on SQLite only.
const describeEmbedded = process.env.TEST_MYSQL_URL ? describe.skip : describe;

const secrets = {
  APP_SECRET: randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
};
const fileOf = (dataDir: string) => join(dataDir, 'redvest.sqlite');
const journalBytes = (file: string) => [...readFileSync(file).subarray(18, 20)];
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data folder whose database was written in the rollback-journal format, as sql.js wrote every file. */
async function folderInTheOldFormat(): Promise<{ dataDir: string; userId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redvest-old-'));
  const app = await startTestApp({ ...secrets, DATA_DIR: dataDir });
  const { userId } = await app.login('old-format-user', '老用户');
  await app.close();
  const db = new Database(fileOf(dataDir));
  db.pragma('journal_mode = DELETE');
  db.close();
  expect(journalBytes(fileOf(dataDir))).toEqual([1, 1]);
  return { dataDir, userId };
}

async function startFails(dataDir: string): Promise<string> {
  const error = await startTestApp({ ...secrets, DATA_DIR: dataDir }).then(
    async (app) => {
      await app.close();
      return null;
    },
    (e: Error) => e,
  );
  expect(error).not.toBeNull();
  return error!.message;
}

describeEmbedded('the embedded database file', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('switches a file of the old format to WAL on start, keeping its rows and a verified copy', async () => {
    const { dataDir, userId } = await folderInTheOldFormat();
    folders.push(dataDir);
    const app = await startTestApp({ ...secrets, DATA_DIR: dataDir });
    try {
      expect((await app.login('old-format-user')).userId).toBe(userId);
      expect(journalBytes(fileOf(dataDir))).toEqual([2, 2]);
      const copies = readdirSync(dataDir).filter((name) => name.endsWith('.before-wal.bak'));
      expect(copies).toHaveLength(1);
      const copy = new Database(join(dataDir, copies[0]), { readonly: true });
      expect(copy.prepare('SELECT id FROM users WHERE openid = ?').get('old-format-user')).toEqual({
        id: userId,
      });
      copy.close();
    } finally {
      await app.close();
    }
    // Once in WAL, later starts make no more copies.
    const again = await startTestApp({ ...secrets, DATA_DIR: dataDir });
    await again.close();
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.before-wal.bak'))).toHaveLength(1);
  });

  it('keeps the database and its copies readable by the owner only', async () => {
    const { dataDir } = await folderInTheOldFormat();
    folders.push(dataDir);
    const app = await startTestApp({ ...secrets, DATA_DIR: dataDir });
    await app.login('someone');
    try {
      for (const name of readdirSync(dataDir).filter((n) => n.startsWith('redvest.sqlite'))) {
        expect([name, statSync(join(dataDir, name)).mode & 0o777]).toEqual([name, 0o600]);
      }
    } finally {
      await app.close();
    }
  });

  it('refuses to start on an old-format file that is damaged, and leaves it as it was', async () => {
    const { dataDir } = await folderInTheOldFormat();
    folders.push(dataDir);
    const file = fileOf(dataDir);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = digest(file);
    expect(await startFails(dataDir)).toMatch(/损坏|无法读取/);
    expect(digest(file)).toBe(before);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('refuses to start on an empty or foreign file instead of replacing it with an empty database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redvest-bad-'));
    folders.push(dataDir);
    writeFileSync(fileOf(dataDir), '');
    expect(await startFails(dataDir)).toMatch(/空的（0 字节）/);
    expect(statSync(fileOf(dataDir)).size).toBe(0);

    writeFileSync(fileOf(dataDir), randomBytes(8192));
    const before = digest(fileOf(dataDir));
    expect(await startFails(dataDir)).toMatch(/不是 SQLite 数据库文件/);
    expect(digest(fileOf(dataDir))).toBe(before);
  });

  it('answers reads from the last commit while a write transaction is still open', async () => {
    const app = await startTestApp();
    try {
      const { userId } = await app.login('reader-check', '读者');
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      const writing = app.db.transaction(async (em) => {
        await em.query('UPDATE users SET nickname = ? WHERE id = ?', ['未提交', userId]);
        await held;
      });
      const waited = new Promise((resolve) =>
        setTimeout(() => resolve('the read waited for the write'), 3000),
      );
      const seen = await Promise.race([
        app.db.read((em) => em.query('SELECT nickname FROM users WHERE id = ?', [userId])),
        waited,
      ]);
      finish();
      await writing;
      expect(seen).toEqual([{ nickname: '读者' }]);
      const after = await app.db.read((em) => em.query('SELECT nickname FROM users WHERE id = ?', [userId]));
      expect(after).toEqual([{ nickname: '未提交' }]);
    } finally {
      await app.close();
    }
  });
});
