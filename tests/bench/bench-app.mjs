// Shared by the benchmarks that drive the built server in-process: the app on a throwaway data folder (and
// database), a community of bulk-inserted members, and a timer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlTime } from './support/database.mjs';
import { serverModule } from './support/paths.mjs';
import { seedCommunity as seedMembers } from './support/seed.mjs';

/** A module of the built server (`apps/server/dist`). */
export const server = serverModule;
export { sqlTime };
const { createApp } = server('app.factory.js');
const { loadConfig } = server('config/app-config.js');
export const { Db } = server('database/db.js');
export const { newId } = server('database/ids.js');

export async function withApp(databaseUrl, work) {
  const dataDir = mkdtempSync(join(tmpdir(), 'redvest-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    APP_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    AUTH_DEV_LOGIN: '1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    return await work(app, `http://127.0.0.1:${app.getHttpServer().address().port}`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A community of `count` members without roles, inserted in bulk (the ledger is filled through its service). */
export async function seedCommunity(db, count) {
  const sql = { query: (text, params) => db.transaction((em) => em.query(text, params)) };
  const { communityId, memberIds } = await seedMembers(sql, { count, roles: [], secretary: false });
  return { communityId, users: memberIds };
}

/** Gives a member a role (a branch secretary's names its compound). */
export async function grantRole(db, communityId, userId, role, compoundId = '') {
  await db.transaction(async (em) => {
    const [{ id }] = await em.query('SELECT id FROM memberships WHERE community_id = ? AND user_id = ?', [
      communityId,
      userId,
    ]);
    await em.query(
      'INSERT INTO membership_roles (membership_id, role, compound_id, community_id) VALUES (?, ?, ?, ?)',
      [id, role, compoundId, communityId],
    );
  });
}

export async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}
