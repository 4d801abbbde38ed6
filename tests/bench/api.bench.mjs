// npm run bench: the server's throughput on the embedded SQLite and on MySQL/MariaDB, measured in one run
// and reported as ratios. Bounded in count; talks only to servers it starts on 127.0.0.1.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throwawayDatabase } from './throwaway-mysql.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const READS = Number(process.env.BENCH_READS ?? 2000);
const WRITES = Number(process.env.BENCH_WRITES ?? 600);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);

async function startServer(port, extraEnv) {
  const dataDir = mkdtempSync(join(tmpdir(), 'redvest-bench-'));
  const child = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_DEV_LOGIN: '1',
      DEMO_SEED: '1',
      LOG_LEVEL: 'warn',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return { base, stop: () => (child.kill('SIGTERM'), rmSync(dataDir, { recursive: true, force: true })) };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become healthy');
}

async function call(base, method, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

/** Runs `count` requests, `CONCURRENCY` at a time; returns requests per second. */
async function throughput(count, request) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await request(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function measure(label, port, env) {
  const server = await startServer(port, env);
  try {
    const { base } = server;
    const { token } = await call(base, 'POST', '/api/auth/dev-login', null, { openid: 'demo-secretary' });
    const cid = (await call(base, 'GET', '/api/me', token)).memberships[0].communityId;
    const { inviteCode } = await call(base, 'GET', `/api/communities/${cid}`, token);
    const { version } = await call(base, 'GET', '/api/privacy');
    const users = [];
    // Role changes are for people who asked to join: each bench user joins with the invite code first.
    for (let i = 0; i < 100; i++) {
      const login = await call(base, 'POST', '/api/auth/dev-login', null, { openid: `bench-${i}` });
      await call(base, 'POST', '/api/me/privacy-consent', login.token, { version });
      const phone = `139${String(20_000_000 + i).slice(-8)}`;
      await call(base, 'POST', `/api/communities/${cid}/join`, login.token, {
        inviteCode,
        realName: '压测成员',
        phone,
      });
      users.push(login.user.id);
    }
    await throughput(200, () => call(base, 'GET', '/api/me', token));
    const read = await throughput(READS, () => call(base, 'GET', '/api/me', token));
    const write = await throughput(WRITES, (i) =>
      call(base, 'POST', `/api/communities/${cid}/members`, token, {
        userId: users[i % users.length],
        roles: [i % 2 ? 'volunteer' : 'party_member'],
      }),
    );
    const lines = ['小区,楼栋,单元,楼层,房号'];
    for (let i = 0; i < IMPORT_ROWS; i++)
      lines.push(
        `压测小区,${Math.floor(i / 200) + 1}栋,${(i % 2) + 1}单元,${Math.floor((i % 200) / 8) + 1},${i}`,
      );
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')]), 'bench.csv');
    const started = performance.now();
    const imported = await fetch(`${base}/api/communities/${cid}/households/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (!imported.ok) throw new Error(`import: ${imported.status}`);
    const importRowsPerSecond = IMPORT_ROWS / ((performance.now() - started) / 1000);
    return { label, read, write, importRowsPerSecond };
  } finally {
    server.stop();
  }
}

const fmt = (n) => n.toFixed(0).padStart(7);
const ratio = (a, b) => (a / b).toFixed(2);

const results = [await measure('SQLite', 3901, {})];
const database = await throwawayDatabase('bench');
if (database) {
  try {
    results.push(await measure('MariaDB/MySQL', 3902, { DATABASE_URL: database.url }));
  } finally {
    await database.drop();
  }
}

console.log(
  `\n并发 ${CONCURRENCY}；读 ${READS} 次 GET /api/me，写 ${WRITES} 次 POST members（设置角色，一个事务），导入 ${IMPORT_ROWS} 户`,
);
console.log('后端                 读/秒   写/秒  导入行/秒   写:读');
for (const r of results)
  console.log(
    `${r.label.padEnd(18)} ${fmt(r.read)} ${fmt(r.write)} ${fmt(r.importRowsPerSecond)}   ${ratio(r.write, r.read)}`,
  );
if (results.length === 2) {
  const [s, m] = results;
  console.log(
    `MySQL:SQLite  读 ${ratio(m.read, s.read)}  写 ${ratio(m.write, s.write)}  导入 ${ratio(m.importRowsPerSecond, s.importRowsPerSecond)}`,
  );
}
