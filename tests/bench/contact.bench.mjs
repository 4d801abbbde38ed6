// 包干到户 at scale, on each database: 包户管理's coverage of a community with 10,000 households and
// 100,000 visits against one with a tenth of both, and against one with a tenth of the households but
// ten times their history (the same 100,000 visits); 我的包户 for a member of each. The sizes are timed
// in turns, and each figure is the median of its turns.
import { Db, grantRole, newId, seedCommunity, server, sqlTime, timed, withApp } from './bench-app.mjs';
import { engines, onEachEngine } from './support/engines.mjs';
import { serverRequire } from './support/paths.mjs';

const { TokenService } = server('auth/token.service.js');
const { checkVisitCounters } = server('contact/visit-counters-check.js');
const { chinaMonth, chinaMonthOf } = serverRequire('@redvest/domain');

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const VISITS_PER_HOUSEHOLD = 10;
const TURNS = 5;
const PER_GROUP = 10;
const PER_BUILDING = 200;
const DAY = 24 * 3600_000;

/** Rows inserted `size` at a time, several statements to a transaction. */
async function insertRows(db, table, columns, rows, size = 500) {
  for (let i = 0; i < rows.length; i += size * 4) {
    await db.transaction(async (em) => {
      for (let j = i; j < Math.min(i + size * 4, rows.length); j += size) {
        const chunk = rows.slice(j, j + size);
        const marks = `(${columns.map(() => '?').join(', ')})`;
        await em.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => marks).join(', ')}`,
          chunk.flat(),
        );
      }
    });
  }
}

/** A community of `households` households in buildings of 200, groups of three members for every ten. */
async function seedContact(db, households, visitsPerHousehold = VISITS_PER_HOUSEHOLD) {
  const groups = Math.ceil(households / PER_GROUP);
  const { communityId, users } = await seedCommunity(db, groups * 3 + 1);
  const [secretary] = users;
  const now = sqlTime();
  await grantRole(db, communityId, secretary, 'secretary');
  const compoundId = newId();
  await insertRows(
    db,
    'compounds',
    ['id', 'community_id', 'name', 'created_at'],
    [[compoundId, communityId, '压测小区', now]],
  );
  const buildings = Array.from({ length: Math.ceil(households / PER_BUILDING) }, (_, b) => [
    newId(),
    communityId,
    compoundId,
    `${b + 1}栋`,
    now,
  ]);
  await insertRows(db, 'buildings', ['id', 'community_id', 'compound_id', 'name', 'created_at'], buildings);
  const homes = Array.from({ length: households }, (_, h) => {
    const inBuilding = h % PER_BUILDING;
    const floor = Math.floor(inBuilding / 10) + 1;
    return [
      newId(),
      communityId,
      compoundId,
      buildings[Math.floor(h / PER_BUILDING)][0],
      '',
      floor,
      `${floor}${String((inBuilding % 10) + 1).padStart(2, '0')}`,
      now,
    ];
  });
  await insertRows(
    db,
    'households',
    ['id', 'community_id', 'compound_id', 'building_id', 'unit', 'floor', 'room', 'created_at'],
    homes,
  );
  const members = (g) => users.slice(1 + g * 3, 4 + g * 3);
  const groupRows = Array.from({ length: groups }, (_, g) => [
    newId(),
    communityId,
    compoundId,
    `第${g + 1}小组`,
    members(g)[0],
    'active',
    now,
  ]);
  await insertRows(
    db,
    'contact_groups',
    ['id', 'community_id', 'compound_id', 'name', 'leader_id', 'status', 'created_at'],
    groupRows,
  );
  await insertRows(
    db,
    'contact_group_members',
    ['group_id', 'user_id'],
    groupRows.flatMap(([groupId], g) => members(g).map((userId) => [groupId, userId])),
  );
  const groupOf = (h) => groupRows[Math.floor(h / PER_GROUP)][0];
  // Ten visits a household (or more) over the last three years; some households overdue, some visited
  // this month.
  // The counters the server keeps with each visit (its last, its months) are filled in as its migration would.
  const lastVisit = new Map();
  const months = new Map();
  const visits = homes.flatMap(([householdId], h) =>
    Array.from({ length: visitsPerHousehold }, (_, k) => {
      const recorder = members(Math.floor(h / PER_GROUP))[k % 3];
      const time = new Date(Date.now() - (((h * 37 + k * 109) % 1095) + 1) * DAY);
      if (!(lastVisit.get(householdId) > time)) lastVisit.set(householdId, time);
      const month = `${householdId} ${chinaMonthOf(time)}`;
      months.set(month, { h, count: (months.get(month)?.count ?? 0) + 1 });
      const at = sqlTime(time);
      return [
        newId(),
        communityId,
        householdId,
        groupOf(h),
        at,
        recorder,
        JSON.stringify([recorder]),
        '[]',
        newId(),
        at,
      ];
    }),
  );
  await insertRows(
    db,
    'visits',
    [
      'id',
      'community_id',
      'household_id',
      'group_id',
      'visited_at',
      'recorded_by',
      'visitor_ids',
      'flags',
      'client_key',
      'created_at',
    ],
    visits,
  );
  await insertRows(
    db,
    'household_assignments',
    ['household_id', 'group_id', 'community_id', 'building_id', 'assigned_at', 'last_visited_at'],
    homes.map(([id, , , buildingId], h) => [
      id,
      groupOf(h),
      communityId,
      buildingId,
      now,
      sqlTime(lastVisit.get(id)),
    ]),
  );
  await insertRows(
    db,
    'household_visit_months',
    ['household_id', 'month', 'community_id', 'building_id', 'group_id', 'visits'],
    [...months].map(([key, { h, count }]) => {
      const [householdId, month] = key.split(' ');
      return [householdId, month, communityId, homes[h][3], groupOf(h), count];
    }),
  );
  if (db.isMysql)
    await db.read((em) => em.query('ANALYZE TABLE household_assignments, household_visit_months'));
  const problems = await db.read((em) => checkVisitCounters(em, communityId));
  if (problems.length)
    throw new Error(`counters do not match the visits: ${problems.slice(0, 3).join('; ')}`);
  return { communityId, secretary, member: users[1] };
}

async function averageMs(get, runs) {
  for (let i = 0; i < 3; i++) await get();
  const { ms } = await timed(async () => {
    for (let i = 0; i < runs; i++) await get();
  });
  return ms / runs;
}

async function measure(databaseUrl) {
  return withApp(databaseUrl, async (app, base) => {
    const db = app.get(Db);
    const tokens = app.get(TokenService);
    const read = async (path, userId) => {
      const response = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${tokens.issue({ id: userId, tokenGeneration: 0 })}` },
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const communities = {};
    for (const [name, households, visits] of [
      ['big', HOUSEHOLDS, VISITS_PER_HOUSEHOLD],
      ['small', HOUSEHOLDS / 10, VISITS_PER_HOUSEHOLD],
      ['history', HOUSEHOLDS / 10, VISITS_PER_HOUSEHOLD * 10],
    ]) {
      const { ms: seedMs, result: c } = await timed(() => seedContact(db, households, visits));
      const coverage = await read(`/api/communities/${c.communityId}/coverage`, c.secretary);
      if (coverage.rows.reduce((sum, row) => sum + row.households, 0) !== households)
        throw new Error('coverage does not count every household');
      communities[name] = { c, seedMs, coverage: [], lastMonth: [], mine: [] };
    }
    // This month (the page's default; early in a month few households are visited yet) and last month, whole.
    const { start } = chinaMonth(chinaMonthOf(new Date()));
    const lastMonth = chinaMonthOf(new Date(start.getTime() - 1));
    for (let turn = 0; turn < TURNS; turn++) {
      for (const { c, coverage, lastMonth: last, mine } of Object.values(communities)) {
        const path = `/api/communities/${c.communityId}/coverage`;
        coverage.push(await averageMs(() => read(path, c.secretary), 4));
        last.push(await averageMs(() => read(`${path}?month=${lastMonth}`, c.secretary), 4));
        mine.push(await averageMs(() => read('/api/me/households', c.member), 8));
      }
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const sizes = {};
    for (const [name, { seedMs, coverage, lastMonth: last, mine }] of Object.entries(communities))
      sizes[name] = {
        seedMs,
        coverageMs: median(coverage),
        lastMonthMs: median(last),
        mineMs: median(mine),
      };
    return sizes;
  });
}

export const title = '包干到户（服务端进程内）';

export async function run() {
  return onEachEngine('contact', (target) => measure(target.url ?? null));
}

export function rows(figures) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  return engines(figures).flatMap(([label, r]) => [
    [
      `${label} 走访覆盖`,
      `${HOUSEHOLDS} 户 ${ms(r.big.coverageMs)}，${HOUSEHOLDS / 10} 户 ${ms(r.small.coverageMs)}：${(r.big.coverageMs / r.small.coverageMs).toFixed(2)}×`,
      '目标 ≤ 2×',
    ],
    [
      `${label} 走访覆盖，上月`,
      `${HOUSEHOLDS} 户 ${ms(r.big.lastMonthMs)}，${HOUSEHOLDS / 10} 户 ${ms(r.small.lastMonthMs)}：${(r.big.lastMonthMs / r.small.lastMonthMs).toFixed(2)}×`,
    ],
    [
      `${label} 走访覆盖，历史 10 倍`,
      `${HOUSEHOLDS / 10} 户各 ${VISITS_PER_HOUSEHOLD * 10} 次 ${ms(r.history.coverageMs)}：${(r.history.coverageMs / r.small.coverageMs).toFixed(2)}×`,
      '与历史无关：≈ 1×',
    ],
    [
      `${label} 我的包户`,
      `大 ${ms(r.big.mineMs)}，小 ${ms(r.small.mineMs)}，历史 10 倍 ${ms(r.history.mineMs)}`,
    ],
  ]);
}
