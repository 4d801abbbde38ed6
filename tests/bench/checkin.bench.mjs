// Check-in and check-out through the API (the production build, an outside load generator, 50 at a time)
// against the same statements replayed with mysql2 directly at the same concurrency over a pool of the
// server's size: the rate the database allows for exactly this work. The statements are captured from
// MariaDB's query log for one real check-in and check-out. The embedded engine runs the API half.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awaitProfile, topSelfTime } from './support/cpu-profile.mjs';
import { openDatabase } from './support/database.mjs';
import { engineEnv, engines, onEachEngine } from './support/engines.mjs';
import { load } from './support/load.mjs';
import { serverRequire } from './support/paths.mjs';
import { captureStatements } from './support/query-capture.mjs';
import { seedCommunity, tokenMaker } from './support/seed.mjs';
import { cpuMillis, databasePid, runSecrets, startServer } from './support/server-process.mjs';
import { personReplay, template } from './support/statement-replay.mjs';
import { median, percentile } from './support/stats.mjs';

const mysql = serverRequire('mysql2/promise');
const progress = (text) => process.stderr.write(`  [签到] ${text}\n`);
const CONNECTIONS = 50;
/** The server's own pool (apps/server/src/database/data-source-options.ts). */
const SERVER_POOL = 20;
const mariadbPid = databasePid();
/** MariaDB's CPU milliseconds so far (it runs on this machine), or null. */
const databaseCpu = () => (mariadbPid ? cpuMillis(mariadbPid) : null);

export async function run({ full, rounds }) {
  const people = full ? 5000 : 1500;
  return onEachEngine('checkin', (target) => measure(target, people, rounds));
}

async function measure(target, people, rounds) {
  const secrets = runSecrets();
  const profileFile = join(mkdtempSync(join(tmpdir(), 'redvest-profile-')), 'server.cpuprofile');
  const server = await startServer(
    {
      ...secrets,
      ...(target.kind === 'mysql' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir }),
    },
    { profileFile },
  );
  const sql = await openDatabase(target);
  let replay = null;
  try {
    const groups = target.kind === 'mysql' ? 2 : 1;
    const seeded = await seedCommunity(sql, {
      count: people * rounds * groups + people / 5 + 602,
      roles: ['volunteer'],
    });
    const token = tokenMaker(secrets.APP_SECRET);
    const scene = await openActivity(server.base, token(seeded.secretaryId), seeded.communityId);
    const members = [...seeded.memberIds];
    const take = (n) => members.splice(0, n);
    const scan = (userId, intent) => ({
      method: 'POST',
      path: '/api/checkins',
      token: token(userId),
      body: intent ? { token: scene.code, intent } : { token: scene.code },
    });
    const api = async (users) => {
      const result = {};
      for (const intent of [undefined, 'check_out']) {
        const requests = users.map((u) => scan(u, intent));
        const cpuBefore = server.cpuMillis();
        const dbBefore = databaseCpu();
        const answer = await load(server.base, requests, { connections: CONNECTIONS, expect: [200] });
        result[intent ?? 'check_in'] = {
          ...answer,
          cpuMsPerRequest: (server.cpuMillis() - cpuBefore) / users.length,
          databaseCpuMsPerRequest: dbBefore === null ? null : (databaseCpu() - dbBefore) / users.length,
        };
      }
      return result;
    };
    progress(`${target.kind}: seeded ${seeded.memberIds.length}`);
    await api(take(300)); // warm-up: the JIT, the pools
    progress('warmed up');
    replay =
      target.kind === 'mysql' ? await captureReplay(target, server, seeded, scene, take(1)[0], scan) : null;
    if (replay) await replay.run(take(300));
    progress('captured');
    const runs = [];
    for (let r = 0; r < rounds; r++) {
      const apiRun = await api(take(people));
      const rawRun = replay ? await replay.run(take(people)) : null;
      runs.push({ api: apiRun, raw: rawRun });
      progress(
        `round ${r + 1}: ${JSON.stringify({ api: apiRun.check_in.perSecond, raw: rawRun?.check_in.perSecond })}`,
      );
    }
    server.toggleProfile();
    await api(take(people / 5));
    server.toggleProfile();
    const profile = topSelfTime(await awaitProfile(profileFile), 10);
    return summarise(runs, replay, profile);
  } finally {
    await replay?.close();
    await sql.close();
    await server.stop();
  }
}

async function openActivity(base, secretaryToken, communityId) {
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${secretaryToken}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
    return data;
  };
  const now = Date.now();
  const activity = await call('POST', `/api/communities/${communityId}/activities`, {
    title: '压测：社区环境整治',
    category: '环境整治',
    place: '中心花园',
    startAt: new Date(now - 3_600_000).toISOString(),
    endAt: new Date(now + 3 * 3_600_000).toISOString(),
    pointsRule: { kind: 'per_attendance', points: 10 },
  });
  const { token } = await call('GET', `/api/activities/${activity.id}/code?kind=poster`);
  return { activityId: activity.id, code: token };
}

/** One check-in and check-out captured from the query log, and a replayer for other people. */
async function captureReplay(target, server, seeded, scene, capturedPerson, scan) {
  const sql = await openDatabase(target);
  const [head] = await sql.query(
    'SELECT last_sequence, last_hash FROM ledger_chain_heads WHERE community_id = ?',
    [seeded.communityId],
  );
  const accounts = await sql.query(
    'SELECT id FROM ledger_accounts WHERE community_id = ? AND user_id IS NULL',
    [seeded.communityId],
  );
  await sql.close();
  const send = async (request) => {
    const response = await fetch(`${server.base}${request.path}`, {
      method: request.method,
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
    if (response.status !== 200) throw new Error(`capture: ${response.status} ${await response.text()}`);
  };
  const checkIn = await captureStatements(target.name, () => send(scan(capturedPerson)));
  const checkOut = await captureStatements(target.name, () => send(scan(capturedPerson, 'check_out')));
  const shared = new Set([seeded.communityId, scene.activityId, ...accounts.map((a) => a.id)]);
  const templates = {
    check_in: checkIn.statements.map((s) => template(s.sql)),
    check_out: checkOut.statements.map((s) => template(s.sql)),
  };
  const pool = mysql.createPool({ uri: target.url, connectionLimit: SERVER_POOL });
  // As the server's own pool does for each connection it opens (apps/server/src/database/mysql-driver.ts),
  // outside the captured statements.
  pool.pool.on('connection', (connection) =>
    connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'),
  );
  return {
    statements: { check_in: checkIn.statements.length, check_out: checkOut.statements.length },
    /** Check-ins then check-outs of `users`, 50 at a time, each timed. */
    async run(users) {
      const replays = users.map((person) =>
        personReplay({
          shared,
          capturedPerson,
          person,
          head: head && { lastSequence: head.last_sequence, lastHash: head.last_hash },
        }),
      );
      const result = {};
      for (const intent of ['check_in', 'check_out']) {
        const latencies = [];
        let next = 0;
        const dbBefore = databaseCpu();
        const started = performance.now();
        await Promise.all(
          Array.from({ length: CONNECTIONS }, async () => {
            while (next < replays.length) {
              const replay = replays[next++];
              const t = performance.now();
              const connection = await pool.getConnection();
              try {
                await replay(connection, templates[intent]);
                connection.release();
              } catch (error) {
                connection.destroy(); // it may hold a transaction open
                throw error;
              }
              latencies.push(performance.now() - t);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        result[intent] = {
          perSecond: users.length / seconds,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          databaseCpuMsPerRequest: dbBefore === null ? null : (databaseCpu() - dbBefore) / users.length,
        };
      }
      return result;
    },
    close: () => pool.end(),
  };
}

function summarise(runs, replay, profile) {
  const out = {};
  for (const intent of ['check_in', 'check_out']) {
    const pick = (side, key) =>
      median(runs.map((r) => r[side]?.[intent]?.[key]).filter((v) => v !== undefined));
    const apiRate = pick('api', 'perSecond');
    out[intent] = {
      api: {
        perSecond: apiRate,
        p50Ms: pick('api', 'p50'),
        p99Ms: pick('api', 'p99'),
        cpuMsPerRequest: pick('api', 'cpuMsPerRequest'),
        databaseCpuMsPerRequest: pick('api', 'databaseCpuMsPerRequest'),
      },
      ...(replay
        ? {
            raw: {
              perSecond: pick('raw', 'perSecond'),
              p50Ms: pick('raw', 'p50'),
              p99Ms: pick('raw', 'p99'),
              databaseCpuMsPerRequest: pick('raw', 'databaseCpuMsPerRequest'),
            },
            ratio: apiRate / pick('raw', 'perSecond'),
            statements: replay.statements[intent],
          }
        : {}),
    };
  }
  out.profileTopSelfTime = profile;
  return out;
}

export const title = '扫码签到与签退（生产构建，50 并发；直连 = 同样语句用 mysql2 重放）';
const WORDS = { check_in: '签到', check_out: '签退' };

export function rows(figures) {
  const out = [];
  for (const [engine, f] of engines(figures)) {
    for (const intent of ['check_in', 'check_out']) {
      const { api, raw, ratio, statements } = f[intent];
      out.push([
        `${engine} ${WORDS[intent]}`,
        `API ${api.perSecond.toFixed(0)} 次/秒${raw ? ` / 直连 ${raw.perSecond.toFixed(0)} 次/秒 = ${ratio.toFixed(2)}×` : ''}`,
        `API p50 ${api.p50Ms} ms p99 ${api.p99Ms} ms${raw ? `；直连 p50 ${raw.p50Ms.toFixed(1)} ms p99 ${raw.p99Ms.toFixed(1)} ms` : ''}`,
        `CPU 服务端 ${api.cpuMsPerRequest.toFixed(2)} ms/次${
          raw && api.databaseCpuMsPerRequest !== null
            ? `，MariaDB ${api.databaseCpuMsPerRequest.toFixed(2)}（直连 ${raw.databaseCpuMsPerRequest.toFixed(2)}）ms/次`
            : ''
        }${statements ? `，${statements} 条语句` : ''}`,
        raw ? '目标 ≥ 0.8×' : '',
      ]);
    }
    out.push([
      `${engine} CPU 自耗时前五`,
      f.profileTopSelfTime
        .filter((p) => !p.fn.startsWith('('))
        .slice(0, 5)
        .map((p) => `${p.fn.split(' ')[0]} ${p.percent}%`)
        .join('，'),
    ]);
  }
  return out;
}
