// Reads that must not grow with the ledger's history, on MariaDB/MySQL: the approvals queue, 我的积分,
// 积分明细 and the yearly statement in communities of 1,000 members with 1k, 100k and 1M transfers
// (`full`; 1k and 10k otherwise), read by the member who has a tenth of them; and the leaderboard with
// 100,000 members (10,000 otherwise) against one with 1,000. Rows are bulk-inserted into the ledger tables
// (ledger-history.mjs); each request is timed over HTTP against the built server, and the median of the
// runs is reported.
import { fileURLToPath } from 'node:url';
import { Db, grantRole, seedCommunity, server, timed, withApp } from './bench-app.mjs';
import {
  everyoneVolunteers,
  refreshStatistics,
  seedLedgerHistory,
  splitIntoCompounds,
} from './ledger-history.mjs';
import { MYSQL_URL, throwawayMysql } from './support/database.mjs';

const { TokenService } = server('auth/token.service.js');
const { periodsOf } = server('ledger/earnings.js');

const MEMBERS = 1000;

/**
 * The median time of each read in each community, timed in turns (one call in every community, then the
 * next round) so that a machine busier for a moment weighs on every size alike; after one call to warm
 * up, up to `runs` rounds, fewer past `budgetMs` (three at least). A read whose first call takes over 5 s
 * is timed that once.
 */
async function interleaved(groups, { runs = 30, budgetMs = 30_000 } = {}) {
  const figures = groups.map((g) => ({ ...g.figures }));
  for (const name of Object.keys(groups[0].reads)) {
    const calls = groups.map((g) => g.reads[name]);
    const times = calls.map(() => []);
    const once = new Set();
    for (const [i, call] of calls.entries()) {
      if (!call) continue;
      const warm = await timed(call);
      if (warm.ms > 5000) {
        times[i].push(warm.ms);
        once.add(i);
      }
    }
    const started = performance.now();
    for (let round = 0; round < runs && (round < 3 || performance.now() - started < budgetMs); round++) {
      for (const [i, call] of calls.entries()) {
        if (call && !once.has(i)) times[i].push((await timed(call)).ms);
      }
    }
    for (const [i, t] of times.entries()) {
      t.sort((a, b) => a - b);
      figures[i][name] = t.length ? Number(t[Math.floor(t.length / 2)].toFixed(2)) : null;
      if (t.length && t.length < runs) figures[i][`${name}Runs`] = t.length;
    }
  }
  return figures;
}

function client(app, base, userId) {
  const token = app.get(TokenService).issue({ id: userId, tokenGeneration: 0 });
  return async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.json();
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
}

/** A community of MEMBERS members in two compounds, a secretary, a branch secretary and `transfers` rows. */
export async function seedHistoryCommunity(db, transfers) {
  const { communityId, users } = await seedCommunity(db, MEMBERS + 2);
  const [secretaryId, branchId, ...members] = users;
  const [east] = await splitIntoCompounds(db, communityId, members);
  await everyoneVolunteers(db, communityId);
  await grantRole(db, communityId, secretaryId, 'secretary');
  await grantRole(db, communityId, branchId, 'branch_secretary', east);
  const { open } = await seedLedgerHistory(db, { communityId, members, secretaryId, transfers });
  return {
    transfers,
    communityId,
    secretaryId,
    branchId,
    memberId: members[0],
    open: open.map((p) => p.id),
  };
}

/** A community of `members` members with this month's and all-time points spread over 0–4,999. */
export async function seedBoardCommunity(db, members) {
  const { communityId, users } = await seedCommunity(db, members);
  await everyoneVolunteers(db, communityId);
  const month = periodsOf(new Date())[2];
  for (let i = 0; i < users.length; i += 1000) {
    const chunk = users.slice(i, i + 1000);
    await db.transaction((em) =>
      em.query(
        `INSERT INTO ledger_period_totals (community_id, unit, period, user_id, earned) VALUES ${chunk
          .map(() => "(?, 'points', 'all', ?, ?), (?, 'points', ?, ?, ?)")
          .join(',')}`,
        chunk.flatMap((userId, k) => {
          const earned = ((i + k) * 7919) % 5000;
          return [communityId, userId, earned, communityId, month, userId, earned];
        }),
      ),
    );
  }
  // The middle member, one place past whoever earned nothing.
  return { members, communityId, userId: users[Math.floor(users.length / 2) + 1] };
}

/** The reads of one history community, after checking that its queue starts with the oldest open pendings. */
async function historyReads(app, base, seeded) {
  const { communityId: cid, memberId } = seeded;
  const secretary = client(app, base, seeded.secretaryId);
  const branch = client(app, base, seeded.branchId);
  const member = client(app, base, memberId);
  const first = await secretary(`/api/communities/${cid}/approvals?limit=50`);
  const expected = seeded.open.slice(0, 50);
  if (JSON.stringify(first.items.map((i) => i.transferId)) !== JSON.stringify(expected))
    throw new Error('the approvals queue does not start with the oldest open pendings');
  const history = await member(`/api/me/transfers?communityId=${cid}&limit=20`);
  const year = new Date().getFullYear();
  return {
    figures: { transfers: seeded.transfers },
    reads: {
      approvals: () => secretary(`/api/communities/${cid}/approvals?limit=50`),
      approvalsPage2: () =>
        secretary(`/api/communities/${cid}/approvals?limit=50&cursor=${first.nextCursor}`),
      approvalsBranch: () => branch(`/api/communities/${cid}/approvals?limit=50`),
      myPoints: () => member('/api/me/points'),
      myTransfers: () => member(`/api/me/transfers?communityId=${cid}&limit=20`),
      // A member with one page or none has no second one.
      myTransfersPage2:
        history.nextCursor &&
        (() => member(`/api/me/transfers?communityId=${cid}&limit=20&cursor=${history.nextCursor}`)),
      statement: () => member(`/api/communities/${cid}/statements/${memberId}?year=${year}`),
    },
  };
}

async function boardReads(app, base, seeded) {
  const get = client(app, base, seeded.userId);
  const path = `/api/communities/${seeded.communityId}/leaderboard?period=month&limit=20`;
  const board = await get(path);
  if (!board.me || board.items.length !== 20) throw new Error('the leaderboard is missing rows');
  return { figures: { members: seeded.members }, reads: { leaderboard: () => get(path) } };
}

/** The history communities' reads, timed in turns. */
export async function measureHistories(app, base, seeded) {
  const groups = [];
  for (const s of seeded) groups.push(await historyReads(app, base, s));
  return interleaved(groups);
}

/** The leaderboards' reads, timed in turns. */
export async function measureBoards(app, base, seeded) {
  const groups = [];
  for (const s of seeded) groups.push(await boardReads(app, base, s));
  return interleaved(groups);
}

export const title = '不随账本历史增长的读取（MariaDB，批量写入的流水）';

/**
 * Seeds and measures in a throwaway database on the MySQL server at `mysqlUrl` (the benchmarks' own by
 * default); null when none answers. `rounds` is not used: each figure is already a median of 30 runs.
 */
export async function run({ mysqlUrl = MYSQL_URL, full = false } = {}) {
  const database = await throwawayMysql('reads', mysqlUrl);
  if (!database) return null;
  try {
    return await withApp(database.url, async (app, base) => {
      const db = app.get(Db);
      const histories = [];
      for (const transfers of full ? [1000, 100_000, 1_000_000] : [1000, 10_000]) {
        histories.push(await seedHistoryCommunity(db, transfers));
      }
      const boards = [];
      for (const members of [1000, full ? 100_000 : 10_000])
        boards.push(await seedBoardCommunity(db, members));
      await refreshStatistics(db);
      // Warm the server (JIT, connection pool) before anything is timed.
      await measureHistories(app, base, histories.slice(0, 1));
      return {
        history: await measureHistories(app, base, histories),
        boards: await measureBoards(app, base, boards),
      };
    });
  } finally {
    await database.drop();
  }
}

const READS = [
  ['approvals', '审批队列第 1 页'],
  ['approvalsPage2', '审批队列第 2 页'],
  ['approvalsBranch', '审批队列（小区支书）'],
  ['myPoints', '我的积分'],
  ['myTransfers', '积分明细第 1 页'],
  ['myTransfersPage2', '积分明细第 2 页'],
  ['statement', '年度对账单'],
];

export function rows(figures) {
  if (!figures) return [['（MariaDB 不可用，未测）']];
  const [first, ...rest] = figures.history;
  const last = rest[rest.length - 1] ?? first;
  const ms = (v) => (v === null ? '—' : `${v.toFixed(1)} ms`);
  return [
    ...READS.map(([key, label]) => [
      `${label} p50`,
      figures.history.map((h) => `${h.transfers} 笔 ${ms(h[key])}`).join('，'),
      first[key] ? `大:小 ${(last[key] / first[key]).toFixed(2)}，目标 ≤ 1.2` : '',
    ]),
    [
      '排行榜 p50',
      figures.boards.map((b) => `${b.members} 人 ${ms(b.leaderboard)}`).join('，'),
      '目标 < 50 ms',
    ],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await run({ full: process.argv.includes('--full') });
  for (const row of rows(figures)) console.log(row.filter(Boolean).join('  '));
  process.exit(0);
}
