// Shared by the benchmarks that drive the built server in-process: the app on a throwaway data folder (and
// database), a community of bulk-inserted members, and a timer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** A module of the built server (`apps/server/dist`). */
export const server = (path) =>
  createRequire(join(ROOT, 'apps/server/package.json'))(join(ROOT, 'apps/server/dist', path));
const { createApp } = server('app.factory.js');
const { loadConfig } = server('config/app-config.js');
export const { Db } = server('database/db.js');
export const { newId } = server('database/ids.js');

/** `2026-11-23 08:00:00.000`: a time as both databases take it in a plain INSERT. */
export const sqlTime = (date = new Date()) => date.toISOString().replace('T', ' ').replace('Z', '');

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

/** A community with `count` members' users, inserted in bulk (the ledger itself is filled through its service). */
export async function seedCommunity(db, count) {
  const communityId = newId();
  const now = sqlTime();
  await db.transaction((em) =>
    em.query(
      'INSERT INTO communities (id, name, street, invite_code, created_at) VALUES (?, ?, NULL, ?, ?)',
      [communityId, '压测社区', randomBytes(6).toString('hex').toUpperCase(), now],
    ),
  );
  const users = [];
  for (let i = 0; i < count; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, count - i) }, (_, j) => [
      newId(),
      `bench-${i + j}-${communityId}`,
      `成员${i + j}`,
    ]);
    await db.transaction(async (em) => {
      await em.query(
        `INSERT INTO users (id, openid, nickname, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(',')}`,
        chunk.flatMap((u) => [...u, now]),
      );
      await em.query(
        `INSERT INTO memberships (id, community_id, user_id, status, real_name, joined_at) VALUES ${chunk.map(() => "(?, ?, ?, 'active', ?, ?)").join(',')}`,
        chunk.flatMap(([id, , name]) => [newId(), communityId, id, name, now]),
      );
    });
    users.push(...chunk.map(([id]) => id));
  }
  return { communityId, users };
}

export async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}
