import { Role } from '@redvest/contract';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_ENV, ADMIN_OPENID, memberWith, newCommunity } from './fixtures';
import { startTestApp } from './harness';
import { givePoints } from './ledger-fixtures';
import { createTestDatabase, dropTestDatabase } from './mysql/test-database';
import { verifyLedger } from '../src/ledger/ledger-verifier';

const DIST = join(__dirname, '../dist/backup');

/** `npm run backup` / `npm run restore` as an operator runs them: their own process, the same settings. */
function cli(name: 'backup-cli' | 'restore-cli', settings: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(DIST, `${name}.js`), ...args], {
    env: { PATH: process.env.PATH, ...settings },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

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

    // Writes during the backup: whichever of them the snapshot holds, it holds them whole.
    const writes = Promise.all(
      Array.from({ length: 30 }, () => givePoints(secretary, community.id, member.userId, 1)),
    );
    const backedUp = cli('backup-cli', settings, folder);
    await writes;
    expect(backedUp).toMatchObject({ status: 0, output: expect.stringContaining('备份完成') });

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

    if (!mysqlServer) {
      const refused = cli('restore-cli', settings, folder, '--yes');
      expect(refused).toMatchObject({ status: 1, output: expect.stringContaining('请先停止服务') });
      expect(await transferRows([after.id])).toHaveLength(1);
    }
    await t.close();

    const unconfirmed = cli('restore-cli', settings, folder);
    expect(unconfirmed).toMatchObject({ status: 1, output: expect.stringContaining('确认请加 --yes') });

    const restored = cli('restore-cli', settings, folder, '--yes');
    expect(restored.output).toContain('校验通过');
    expect(restored.status).toBe(0);

    t = await startTestApp(settings);
    try {
      expect(await transferRows([before.id])).toHaveLength(1);
      expect(await transferRows([after.id])).toEqual([]);
      expect(await t.dataSource.query('SELECT id FROM rewards WHERE id = ?', [reward.id])).toEqual([]);
      expect(await t.db.snapshot((em) => verifyLedger(em, community.id))).toMatchObject({ ok: true });
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
