// 包干到户 at scale, on each database: 包户管理's coverage of a community
// with 10,000 households and 100,000 visits against one with a tenth of both, and 我的包户 for a member.
import { Db, grantRole, newId, seedCommunity, server, sqlTime, timed, withApp } from './bench-app.mjs';
import { engines, onEachEngine } from './support/engines.mjs';

const { TokenService } = server('auth/token.service.js');

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const VISITS_PER_HOUSEHOLD = 10;
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
async function seedContact(db, households) {
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
  await insertRows(
    db,
    'household_assignments',
    ['household_id', 'group_id', 'community_id', 'assigned_at'],
    homes.map(([id], h) => [id, groupOf(h), communityId, now]),
  );
  // Ten visits a household over the last three years; some households overdue, some visited this month.
  const visits = homes.flatMap(([householdId], h) =>
    Array.from({ length: VISITS_PER_HOUSEHOLD }, (_, k) => {
      const recorder = members(Math.floor(h / PER_GROUP))[k % 3];
      const at = sqlTime(new Date(Date.now() - (((h * 37 + k * 109) % 1095) + 1) * DAY));
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
    const sizes = {};
    for (const [name, households] of [
      ['big', HOUSEHOLDS],
      ['small', HOUSEHOLDS / 10],
    ]) {
      const { ms: seedMs, result: c } = await timed(() => seedContact(db, households));
      const coverage = await read(`/api/communities/${c.communityId}/coverage`, c.secretary);
      if (coverage.rows.reduce((sum, row) => sum + row.households, 0) !== households)
        throw new Error('coverage does not count every household');
      sizes[name] = {
        seedMs,
        coverageMs: await averageMs(
          () => read(`/api/communities/${c.communityId}/coverage`, c.secretary),
          10,
        ),
        mineMs: await averageMs(() => read('/api/me/households', c.member), 20),
      };
    }
    return sizes;
  });
}

export const title = '包干到户（服务端进程内）';

export async function run() {
  return onEachEngine('contact', (target) => measure(target.url ?? null));
}

export function rows(figures) {
  return engines(figures).flatMap(([label, r]) => [
    [
      `${label} 走访覆盖`,
      `${HOUSEHOLDS} 户 ${r.big.coverageMs.toFixed(1)} ms，${HOUSEHOLDS / 10} 户 ${r.small.coverageMs.toFixed(1)} ms：${(r.big.coverageMs / r.small.coverageMs).toFixed(2)}×`,
      '目标 ≤ 2×',
    ],
    [`${label} 我的包户`, `大 ${r.big.mineMs.toFixed(1)} ms，小 ${r.small.mineMs.toFixed(1)} ms`],
  ]);
}
