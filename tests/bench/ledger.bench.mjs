// npm run bench (second part): the ledger at scale, in one run per database: how long `ledger:verify`
// takes on 100k transfers, and how a leaderboard read with 100k members compares with one of 1k.
import { Db, seedCommunity, server, timed, withApp } from './bench-app.mjs';
import { throwawayDatabase } from './throwaway-mysql.mjs';

const { LedgerService } = server('ledger/ledger.service.js');
const { verifyLedger } = server('ledger/ledger-verifier.js');

const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 100_000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);

async function measure(label, databaseUrl) {
  return withApp(databaseUrl, async (app, base) => {
    const db = app.get(Db);
    const ledger = app.get(LedgerService);
    const { communityId, users } = await seedCommunity(db, 1000);
    const fill = await timed(async () => {
      const batch = 500;
      for (let i = 0; i < TRANSFERS; i += batch) {
        await db.transaction(async (em) => {
          for (let j = i; j < Math.min(i + batch, TRANSFERS); j++) {
            await ledger.adjust(em, {
              communityId,
              userId: users[j % users.length],
              unit: 'points',
              amount: (j % 20) + 1,
              reason: '压测',
              idempotencyKey: `bench:${j}`,
              createdBy: users[0],
            });
          }
        });
      }
    });
    const verify = await timed(() => db.snapshot((em) => verifyLedger(em, communityId)));
    if (!verify.result.ok) throw new Error(`verification failed: ${verify.result.problems[0]}`);

    const big = await seedCommunity(db, MEMBERS);
    const small = await seedCommunity(db, 1000);
    for (const community of [big, small]) {
      for (let i = 0; i < community.users.length; i += 1000) {
        const chunk = community.users.slice(i, i + 1000);
        await db.transaction((em) =>
          em.query(
            `INSERT INTO ledger_period_totals (community_id, unit, period, user_id, earned) VALUES ${chunk.map(() => "(?, 'points', 'all', ?, ?)").join(',')}`,
            chunk.flatMap((userId, k) => [community.communityId, userId, ((i + k) * 7919) % 5000]),
          ),
        );
      }
    }
    const board = async (community) => {
      const userId = community.users[Math.floor(community.users.length / 2)];
      const token = app.get(server('auth/token.service.js').TokenService).issue(userId);
      const get = () =>
        fetch(`${base}/api/communities/${community.communityId}/leaderboard?period=all&limit=20`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((r) => r.json());
      for (let i = 0; i < 5; i++) await get();
      const runs = 50;
      const { ms } = await timed(async () => {
        for (let i = 0; i < runs; i++) await get();
      });
      return ms / runs;
    };
    const bigMs = await board(big);
    const smallMs = await board(small);
    return { label, fillPerSecond: TRANSFERS / (fill.ms / 1000), verifyMs: verify.ms, bigMs, smallMs };
  });
}

const results = [await measure('SQLite', null)];
const database = await throwawayDatabase('ledger_bench');
if (database) {
  try {
    results.push(await measure('MariaDB/MySQL', database.url));
  } finally {
    await database.drop();
  }
}
console.log(`\n账本：写入 ${TRANSFERS} 笔流水后校验；排行榜：${MEMBERS} 人与 1000 人的社区各读 50 次`);
console.log('后端                 写入笔/秒   校验耗时    排行榜(大)  排行榜(小)  大:小');
for (const r of results) {
  console.log(
    `${r.label.padEnd(18)} ${r.fillPerSecond.toFixed(0).padStart(9)} ${(r.verifyMs / 1000).toFixed(2).padStart(9)} s ${r.bigMs.toFixed(1).padStart(9)} ms ${r.smallMs.toFixed(1).padStart(9)} ms  ${(r.bigMs / r.smallMs).toFixed(2)}`,
  );
}
process.exit(0);
