// The embedded database as its file grows. Manual adjustments through the
// API, 20 at a time, on a fresh file and again once the ledger has grown the file to 100 MB (1 GB with
// --full); the second rate should stay within 0.7× of the first. Each adjustment is one transaction that
// appends to the community's hash chain, so it measures the engine's commit (WAL fsync) at that size.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { grantRole, newId, seedCommunity, server, withApp } from './bench-app.mjs';

const { LedgerService } = server('ledger/ledger.service.js');
const { TokenService } = server('auth/token.service.js');
const { Db } = server('database/db.js');

const WRITERS = 20;
const WRITES = Number(process.env.BENCH_EMBEDDED_WRITES ?? 2000);

const fileMb = (dataDir) =>
  ['redvest.sqlite', 'redvest.sqlite-wal']
    .map((name) => {
      try {
        return statSync(join(dataDir, name)).size;
      } catch {
        return 0;
      }
    })
    .reduce((a, b) => a + b, 0) / 1048576;

async function adjustments(base, token, cid, users, label) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < WRITES) {
        const i = next++;
        const t = performance.now();
        // A kept-alive connection the server closed while the ledger grew may reset once: the key makes
        // sending it again safe.
        const send = () =>
          fetch(`${base}/api/communities/${cid}/adjustments`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-${label}-${i}`,
            },
            body: JSON.stringify({
              userId: users[i % users.length],
              unit: 'points',
              amount: 1,
              reason: '压测',
            }),
          });
        const response = await send().catch(send);
        if (response.status !== 201 && response.status !== 200)
          throw new Error(`adjustment: ${response.status} ${await response.text()}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.floor(latencies.length * q)];
  return { perSecond: WRITES / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Grows the ledger through its own service, in large transactions, until the file reaches `mb`. */
async function growTo(db, ledger, cid, users, dataDir, mb) {
  let n = 0;
  while (fileMb(dataDir) < mb) {
    await db.transaction(async (em) => {
      for (let j = 0; j < 5000; j++, n++) {
        await ledger.adjust(em, {
          communityId: cid,
          userId: users[n % users.length],
          unit: 'points',
          amount: 1 + (n % 20),
          reason: '压测：填充账本',
          idempotencyKey: `fill:${n}`,
          createdBy: users[0],
        });
      }
    });
  }
  return n;
}

export const title = '内嵌数据库随文件增长（人工调整，20 并发，经 API）';

export async function run({ full }) {
  const targetMb = Number(process.env.BENCH_EMBEDDED_MB ?? (full ? 1024 : 100));
  return withApp(null, async (app, base) => {
    const db = app.get(Db);
    const dataDir = app.get(server('config/config.module.js').CONFIG).dataDir;
    const { communityId: cid, users } = await seedCommunity(db, 1000);
    await grantRole(db, cid, users[0], 'secretary');
    const token = app.get(TokenService).issue({ id: users[0], tokenGeneration: 0 });
    const fresh = { mb: fileMb(dataDir), ...(await adjustments(base, token, cid, users, 'fresh')) };
    const filled = await growTo(db, app.get(LedgerService), cid, users, dataDir, targetMb);
    const grown = { mb: fileMb(dataDir), ...(await adjustments(base, token, cid, users, 'grown')) };
    return { fresh, grown, filled };
  });
}

export function rows(result) {
  const row = (label, r) => [
    label,
    `${r.mb.toFixed(0)} MB`,
    `${r.perSecond.toFixed(0)} 次/秒`,
    `p50 ${r.p50.toFixed(1)} ms，p99 ${r.p99.toFixed(1)} ms`,
  ];
  return [
    row('新文件', result.fresh),
    row(`账本 ${result.filled} 笔后`, result.grown),
    [
      '增长后 / 新文件',
      `${(result.grown.perSecond / result.fresh.perSecond).toFixed(2)}×`,
      '目标 ≥ 0.7×，≥ 200 次/秒，p50 < 20 ms',
    ],
  ];
}
