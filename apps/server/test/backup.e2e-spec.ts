import { Role } from '@redvest/contract';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_ENV, ADMIN_OPENID, memberWith, newCommunity } from './fixtures';
import { startTestApp } from './harness';
import { givePoints } from './ledger-fixtures';
import { createTestDatabase, dropTestDatabase } from './mysql/test-database';
import { verifyLedger } from '../src/ledger/ledger-verifier';

const DIST = join(__dirname, '../dist/backup');

/**
 * `npm run backup` / `npm run restore` as an operator runs them: their own process, the same settings.
 * Asynchronous, so the server in this process goes on answering while they run.
 */
function cli(name: 'backup-cli' | 'restore-cli', settings: Record<string, string>, ...args: string[]) {
  return new Promise<{ status: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(DIST, `${name}.js`), ...args],
      { env: { PATH: process.env.PATH, ...settings } },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

// Each test runs the command-line tools as processes (node start-up, mysqldump), several times.
jest.setTimeout(120_000);

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm run backup and npm run restore', () => {
  const mysqlServer = process.env.TEST_MYSQL_URL;
  let settings: Record<string, string>;
  let mysqlName: string | null = null;

  beforeAll(async () => {
    settings = {
      ...ADMIN_ENV,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'redvest-backup-')),
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    if (mysqlServer) {
      const database = await createTestDatabase(mysqlServer);
      mysqlName = database.name;
      settings.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => {
    if (mysqlName) await dropTestDatabase(mysqlServer!, mysqlName);
    rmSync(settings.DATA_DIR, { recursive: true, force: true });
  });

  it('backs up while writes go on, and a restore brings back exactly that state, verified', async () => {
    const folder = join(settings.DATA_DIR, 'backups', 'nightly');
    let t = await startTestApp(settings);
    const admin = await t.login(ADMIN_OPENID);
    const { community, secretary } = await newCommunity(t, admin);
    const member = await memberWith(t, secretary, community.id, [Role.Volunteer]);
    const before = await givePoints(secretary, community.id, member.userId, 7);

    // Writes go on until the backup is done: whichever of them the snapshot holds, it holds them whole.
    let backingUp = true;
    let writtenMeanwhile = 0;
    const writer = async () => {
      while (backingUp) {
        await givePoints(secretary, community.id, member.userId, 1);
        writtenMeanwhile++;
      }
    };
    const writers = [writer(), writer(), writer()];
    const backedUp = await cli('backup-cli', settings, folder);
    backingUp = false;
    await Promise.all(writers);
    expect(backedUp).toMatchObject({ status: 0, output: expect.stringContaining('备份完成') });
    expect(writtenMeanwhile).toBeGreaterThan(0);

    const after = await givePoints(secretary, community.id, member.userId, 500);
    const reward = await secretary.rewards.create(community.id, {
      name: '备份之后的商品',
      cost: 5,
      stock: 3,
    });
    const transferRows = (ids: string[]) =>
      t.dataSource.query(
        `SELECT id FROM ledger_transfers WHERE id IN (${ids.map(() => '?').join(',')})`,
        ids,
      );
    expect(await transferRows([before.id, after.id])).toHaveLength(2);

    const refused = await cli('restore-cli', settings, folder, '--yes');
    expect(refused).toMatchObject({ status: 1, output: expect.stringContaining('请先停止服务') });
    expect(await transferRows([after.id])).toHaveLength(1);
    await t.close();

    const unconfirmed = await cli('restore-cli', settings, folder);
    expect(unconfirmed).toMatchObject({ status: 1, output: expect.stringContaining('确认请加 --yes') });

    if (!mysqlServer) {
      const damaged = join(settings.DATA_DIR, 'damaged-backup');
      cpSync(folder, damaged, { recursive: true });
      truncateSync(join(damaged, 'redvest.sqlite'), 8192);
      const file = join(settings.DATA_DIR, 'redvest.sqlite');
      const untouched = digest(file);
      const refusedDamaged = await cli('restore-cli', settings, damaged, '--yes');
      expect(refusedDamaged).toMatchObject({ status: 1, output: expect.stringMatching(/损坏|行数不符/) });
      expect(digest(file)).toBe(untouched);
    }

    const restored = await cli('restore-cli', settings, folder, '--yes');
    expect(restored.output).toContain('校验通过');
    expect(restored.status).toBe(0);

    t = await startTestApp(settings);
    try {
      expect(await transferRows([before.id])).toHaveLength(1);
      expect(await transferRows([after.id])).toEqual([]);
      expect(await t.dataSource.query('SELECT id FROM rewards WHERE id = ?', [reward.id])).toEqual([]);
      expect(await t.db.snapshot((em) => verifyLedger(em, community.id))).toMatchObject({ ok: true });
      // The member's balance is the 7 points and exactly the 1-point credits the snapshot holds.
      const [{ ones }] = await t.dataSource.query(
        `SELECT COUNT(*) AS ones FROM ledger_transfers t JOIN ledger_accounts a ON a.id = t.credit_account_id
         WHERE a.user_id = ? AND t.amount = 1`,
        [member.userId],
      );
      const [{ balance }] = await t.dataSource.query(
        "SELECT credits_posted - debits_posted AS balance FROM ledger_accounts WHERE user_id = ? AND unit = 'points'",
        [member.userId],
      );
      expect(Number(balance)).toBe(7 + Number(ones));
    } finally {
      await t.close();
    }
    if (!mysqlServer) {
      const aside = readdirSync(settings.DATA_DIR).filter((name) => name.includes('before-restore'));
      expect(aside).toEqual(
        expect.arrayContaining([expect.stringMatching(/^redvest\.sqlite\..*\.before-restore$/)]),
      );
    }
  });
});
