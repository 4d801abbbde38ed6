// The ledger itself, in the built server's own process: writes per second for one community at 1, 10 and
// 50 concurrent writers (each a manual adjustment in its own transaction: the chain-head lock makes them
// take turns), `ledger:verify` after each; and the verification of 20,000 transfers (100,000 with --full).
// The leaderboard is measured by reads.bench.mjs.
import { Db, seedCommunity, server, timed, withApp } from './bench-app.mjs';
import { engines, onEachEngine } from './support/engines.mjs';
import { median } from './support/stats.mjs';

const { LedgerService } = server('ledger/ledger.service.js');
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
    const writes = {};
    for (const writers of WRITERS) {
      const runs = [];
      for (let r = 0; r < rounds; r++) {
        let left = sizes.writes;
        const { ms } = await timed(() =>
          Promise.all(
            Array.from({ length: writers }, async () => {
              while (left-- > 0) await db.transaction(adjust);
            }),
          ),
        );
        runs.push(sizes.writes / (ms / 1000));
      }
      await verified();
      writes[writers] = median(runs);
    }
    const fill = await timed(async () => {
      for (let i = key; i < sizes.transfers; i += 500)
        await db.transaction(async (em) => {
          for (let j = 0; j < 500; j++) await adjust(em);
        });
    });
    const verify = await timed(verified);

    return {
      writesPerSecond: writes,
      fill: {
        transfers: sizes.transfers,
        perSecond: (sizes.transfers - sizes.writes * WRITERS.length * rounds) / (fill.ms / 1000),
      },
      verifyMs: verify.ms,
    };
  });
}

export function rows(figures) {
  return engines(figures).flatMap(([engine, f]) => [
    [
      `${engine} 账本写入（一个社区）`,
      WRITERS.map((w) => `${w} 并发 ${f.writesPerSecond[w].toFixed(0)} 笔/秒`).join('，'),
      '目标 50 并发 ≥ 1000 笔/秒；每档后 ledger:verify 通过',
    ],
    [`${engine} 校验 ${f.fill.transfers} 笔流水`, `${(f.verifyMs / 1000).toFixed(2)} 秒`],
  ]);
}
