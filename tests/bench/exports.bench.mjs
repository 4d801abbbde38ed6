// The two big spreadsheet exports against the production build, on each engine: an activity's 签到名单 with
// 100,000 attendances, and the annual report of 100,000 party members in four employers (one of 40,000) and
// 15,000 with none registered: five sheets. Every member has a phone, an attendance of this year, points, a third a
// rating. Each export is downloaded once: its time to the headers and to the last byte, its size, and the
// server's peak resident memory during the download (VmHWM, reset before it through /proc/PID/clear_refs).
// The file is read back with ExcelJS's streaming reader and its rows counted.
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { openDatabase, sqlTime } from './support/database.mjs';
import { engineEnv, engines, onEachEngine } from './support/engines.mjs';
import { serverModule, serverRequire } from './support/paths.mjs';
import { insertRows, seedCommunity, tokenMaker } from './support/seed.mjs';
import { runSecrets, startServer } from './support/server-process.mjs';

const ExcelJS = serverRequire('exceljs');
const { newId } = serverModule('database/ids.js');
const { PersonalDataCipher } = serverModule('common/personal-data-cipher.js');
const progress = (text) => process.stderr.write(`  [导出] ${text}\n`);

/** Employers and the share of the members in each; the rest have none registered (未登记原单位). */
const EMPLOYERS = [
  ['市税务局', 0.4],
  ['区人民医院', 0.15],
  ['第一中学', 0.15],
  ['市供电局', 0.15],
];

export const title = '大表导出（生产构建，独立进程）';

/** 100,000 rows take about a minute on both engines together, seeding included: the same with `--full`. */
export async function run() {
  const members = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
  return onEachEngine('exports', (target) => measure(target, members));
}

async function measure(target, members) {
  const secrets = runSecrets();
  const env = { ...secrets, ...engineEnv(target) };
  let server = await startServer(env);
  const sql = await openDatabase(target);
  try {
    const seedStarted = performance.now();
    const seeded = await seed(sql, server.base, secrets, members);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress(`${target.kind}: seeded ${members} members in ${seedSeconds.toFixed(0)} s`);
    const token = tokenMaker(secrets.APP_SECRET)(seeded.secretaryId);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const exports = {
      attendance: [`/api/activities/${seeded.activityId}/attendances/export`, 2],
      annual: [`/api/communities/${seeded.communityId}/reports/annual/export?year=${year}`, 3],
    };
    const figures = { members, seedSeconds: Math.round(seedSeconds) };
    for (const [name, [path, besides]] of Object.entries(exports)) {
      // Each export in a fresh process, so that neither starts with the heap the other grew.
      await server.stop();
      server = await startServer(env);
      const answer = await download(server, token, path);
      const counted = await countRows(answer.body, besides);
      if (counted.total !== members)
        throw new Error(`the ${name} export has ${counted.total} member rows, not ${members}`);
      figures[name] = { ...summary(answer), sheets: counted.sheets };
      progress(`${target.kind}: ${name} ${JSON.stringify(figures[name])}`);
    }
    return figures;
  } finally {
    await sql.close();
    await server.stop();
  }
}

/** A community of `count` party members with phones and employers, an activity they all attended, points and ratings. */
export async function seed(sql, base, secrets, count) {
  const cipher = new PersonalDataCipher(Buffer.from(secrets.DATA_ENCRYPTION_KEY, 'hex'));
  const now = sqlTime();
  const employers = EMPLOYERS.map(([name]) => ({ id: newId(), name }));
  const bounds = [];
  let upTo = 0;
  for (const [, share] of EMPLOYERS) bounds.push((upTo += Math.round(share * count)));
  const employerOf = (i) => employers[bounds.findIndex((b) => i <= b)]?.id ?? null;
  const seeded = await seedCommunity(sql, {
    count,
    roles: ['party_member'],
    beforeMembers: (communityId) =>
      insertRows(
        sql,
        'employers',
        ['id', 'community_id', 'name', 'created_at'],
        employers.map((e) => [e.id, communityId, e.name, now]),
      ),
    membership: (i) => ({
      employer_id: employerOf(i),
      phone_enc: cipher.encrypt(`139${String(i).padStart(8, '0')}`),
    }),
  });
  const activityId = await openActivity(base, tokenMaker(secrets.APP_SECRET)(seeded.secretaryId), seeded);
  // Checked in over the first hour, a few at the same moment; most checked out, some proxied or offline.
  const started = Date.now() - 2 * 3600_000;
  await insertRows(
    sql,
    'attendances',
    [
      'id',
      'community_id',
      'activity_id',
      'user_id',
      'checked_in_at',
      'checked_out_at',
      'minutes',
      'status',
      'offline',
      'proxy_by',
      'points',
      'created_at',
    ],
    seeded.memberIds.map((userId, i) => {
      const at = new Date(started + Math.floor((i * 3600_000) / count / 2) * 2);
      const closed = i % 10 !== 0;
      return [
        newId(),
        seeded.communityId,
        activityId,
        userId,
        sqlTime(at),
        closed ? sqlTime(new Date(at.getTime() + 90 * 60_000)) : null,
        closed ? 90 : null,
        closed ? 'closed' : 'open',
        i % 50 === 0 ? 1 : 0,
        i % 40 === 0 ? seeded.secretaryId : null,
        closed ? 10 : null,
        now,
      ];
    }),
  );
  const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
  await insertRows(
    sql,
    'ledger_period_totals',
    ['community_id', 'unit', 'period', 'user_id', 'earned'],
    seeded.memberIds.map((userId, i) => [seeded.communityId, 'points', year, userId, 10 + (i % 7)]),
  );
  await insertRows(
    sql,
    'member_ratings',
    ['community_id', 'user_id', 'year', 'level', 'grade', 'comment', 'rated_by', 'rated_at'],
    seeded.memberIds
      .filter((_, i) => i % 3 === 0)
      .map((userId) => [
        seeded.communityId,
        userId,
        year,
        'community',
        'excellent',
        null,
        seeded.secretaryId,
        now,
      ]),
  );
  return { ...seeded, activityId };
}

async function openActivity(base, token, { communityId }) {
  const now = Date.now();
  const response = await fetch(`${base}/api/communities/${communityId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: '压测：社区环境整治',
      category: '环境整治',
      place: '中心花园',
      startAt: new Date(now - 3 * 3_600_000).toISOString(),
      endAt: new Date(now + 3_600_000).toISOString(),
      pointsRule: { kind: 'per_attendance', points: 10 },
    }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`creating the activity: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Peak resident memory (VmHWM) in MB; `reset` first sets it back to the current resident size. */
function peakRss(pid, { reset = false } = {}) {
  if (reset) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Without the right to reset it, the peak is the process's since it started.
    }
  }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

export async function download(server, token, path) {
  const before = peakRss(server.pid, { reset: true });
  const cpu = server.cpuMillis();
  const started = performance.now();
  const response = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const headersMs = performance.now() - started;
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`GET ${path}: ${response.status} ${body.toString().slice(0, 500)}`);
  return {
    ms,
    headersMs,
    cpuMs: server.cpuMillis() - cpu,
    bytes: body.length,
    rssBeforeMb: before.rssMb,
    peakMb: peakRss(server.pid).peakMb,
    body,
  };
}

const summary = ({ ms, headersMs, cpuMs, bytes, rssBeforeMb, peakMb }) => ({
  seconds: Number((ms / 1000).toFixed(1)),
  headersSeconds: Number((headersMs / 1000).toFixed(1)),
  cpuSeconds: Number((cpuMs / 1000).toFixed(1)),
  megabytes: Number((bytes / 2 ** 20).toFixed(1)),
  rssBeforeMb: Math.round(rssBeforeMb),
  peakRssMb: Math.round(peakMb),
});

/**
 * Rows of a member (or attendee) in every sheet: those whose first cell is filled, less `besides` a sheet
 * (headings and the totals line).
 */
async function countRows(file, besides) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  const sheets = {};
  let total = 0;
  for await (const sheet of reader) {
    let filled = 0;
    for await (const row of sheet) if (row.getCell(1).value !== null) filled++;
    sheets[sheet.name ?? sheet.id] = filled - besides;
    total += filled - besides;
  }
  return { total, sheets };
}

export function rows(figures) {
  return engines(figures).flatMap(([label, r]) =>
    [
      ['签到名单', r.attendance],
      ['年度服务情况', r.annual],
    ].map(([name, f]) => [
      `${label} ${name}`,
      `${r.members} 行 ${f.seconds} s（首字节 ${f.headersSeconds} s，CPU ${f.cpuSeconds} s），${f.megabytes} MB`,
      `服务端内存峰值 ${f.peakRssMb} MB（导出前 ${f.rssBeforeMb} MB）`,
      '目标 < 300 MB',
    ]),
  );
}
