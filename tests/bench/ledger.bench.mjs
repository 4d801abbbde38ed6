// The ledger itself, in the built server's own process: writes per second for one community at 1, 10 and
// 50 concurrent writers, each a manual adjustment, `ledger:verify` after each: in a transaction of its own
// (the chain-head lock makes them take turns, a commit each) and through the group commit (those that
// arrive together share a transaction), in the same run; and the verification of 20,000 transfers
// (100,000 with --full).
// The leaderboard is measured by reads.bench.mjs.
import { Db, seedCommunity, server, timed, withApp } from './bench-app.mjs';
import { engines, onEachEngine } from './support/engines.mjs';
import { median } from './support/stats.mjs';

const { LedgerService } = server('ledger/ledger.service.js');
const { LedgerGroupCommit } = server('ledger/ledger-group-commit.js');
const { verifyLedger } = server('ledger/ledger-verifier.js');

export const title = '爱心银行账本（服务端进程内）';
const WRITERS = [1, 10, 50];

export async function run({ full, rounds }) {
  const sizes = {
    writes: full ? 5000 : 1500,
    transfers: full ? 100_000 : 20_000,
  };
  return onEachEngine('ledger', (target) => measure(target.url ?? null, sizes, rounds));
}

async function measure(databaseUrl, sizes, rounds) {
  return withApp(databaseUrl, async (app) => {
    const db = app.get(Db);
    const ledger = app.get(LedgerService);
    const group = app.get(LedgerGroupCommit);
    const ways = {
      alone: () => db.transaction(adjust),
      grouped: () => group.transaction(communityId, adjust),
    };
    const { communityId, users } = await seedCommunity(db, 1000);
    let key = 0;
    const adjust = (em) =>
      ledger.adjust(em, {
        communityId,
        userId: users[key % users.length],
        unit: 'points',
        amount: (key % 20) + 1,
        reason: '压测',
        idempotencyKey: `bench:${key++}`,
        createdBy: users[0],
      });
    const verified = async () => {
      const result = await db.snapshot((em) => verifyLedger(em, communityId));
      if (!result.ok) throw new Error(`ledger:verify failed: ${result.problems[0]}`);
    };
    const writes = { alone: {}, grouped: {} };
    for (const writers of WRITERS) {
      for (const [way, write] of Object.entries(ways)) {
        const runs = [];
        for (let r = 0; r < rounds; r++) {
          let left = sizes.writes;
          const { ms } = await timed(() =>
            Promise.all(
              Array.from({ length: writers }, async () => {
                while (left-- > 0) await write();
              }),
            ),
          );
          runs.push(sizes.writes / (ms / 1000));
        }
        await verified();
        writes[way][writers] = median(runs);
      }
    }
    // Filled up to the size to verify, 500 adjustments a transaction (each write above left one, or none if refused).
    const fill = await timed(async () => {
      while (key < sizes.transfers)
        await db.transaction(async (em) => {
          for (let j = 0; j < 500; j++) await adjust(em);
        });
    });
    const verify = await timed(verified);

    return {
      writesPerSecond: writes,
      fill: { transfers: key, seconds: fill.ms / 1000 },
      verifyMs: verify.ms,
    };
  });
}

export function rows(figures) {
  return engines(figures).flatMap(([engine, f]) => [
    ...[
      ['alone', '各自一个事务'],
      ['grouped', '组提交'],
    ].map(([way, label]) => [
      `${engine} 账本写入（一个社区，${label}）`,
      WRITERS.map((w) => `${w} 并发 ${f.writesPerSecond[way][w].toFixed(0)} 笔/秒`).join('，'),
      way === 'grouped' ? '目标 50 并发 ≥ 1000 笔/秒；每档后 ledger:verify 通过' : '对照',
    ]),
    [`${engine} 校验 ${f.fill.transfers} 笔流水`, `${(f.verifyMs / 1000).toFixed(2)} 秒`],
  ]);
}
