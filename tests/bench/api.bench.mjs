// Everyday requests through the API of the production build, from an outside load generator:
// `GET /api/me` at 20 connections, a secretary setting members' roles (one transaction each), and a
// 5,000-household spreadsheet import.
import { openDatabase } from './support/database.mjs';
import { engineEnv, engines, onEachEngine } from './support/engines.mjs';
import { load } from './support/load.mjs';
import { seedCommunity, tokenMaker } from './support/seed.mjs';
import { runSecrets, startServer } from './support/server-process.mjs';
import { median } from './support/stats.mjs';

export const title = '日常请求（生产构建，外部压测进程）';
const CONNECTIONS = 20;

export async function run({ full, rounds }) {
  const sizes = { reads: full ? 20_000 : 6000, writes: full ? 3000 : 1000, households: 5000 };
  return onEachEngine('api', (target) => measure(target, sizes, rounds));
}

async function measure(target, sizes, rounds) {
  const secrets = runSecrets();
  const server = await startServer({ ...secrets, ...engineEnv(target) });
  const sql = await openDatabase(target);
  try {
    const seeded = await seedCommunity(sql, { count: 1000, roles: ['volunteer'] });
    const token = tokenMaker(secrets.APP_SECRET);
    const readers = seeded.memberIds.slice(0, CONNECTIONS).map(token);
    const reads = Array.from({ length: sizes.reads }, (_, i) => ({
      method: 'GET',
      path: '/api/me',
      token: readers[i % readers.length],
    }));
    const secretary = token(seeded.secretaryId);
    let write = 0;
    const writes = () =>
      Array.from({ length: sizes.writes }, () => {
        const i = write++;
        return {
          method: 'POST',
          path: `/api/communities/${seeded.communityId}/members`,
          token: secretary,
          body: {
            userId: seeded.memberIds[i % seeded.memberIds.length],
            roles: [i % 2 ? 'volunteer' : 'party_member'],
          },
        };
      });
    await load(server.base, reads.slice(0, 1000), { connections: CONNECTIONS }); // warm-up
    const meRuns = [];
    const writeRuns = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = server.cpuMillis();
      const me = await load(server.base, reads, { connections: CONNECTIONS });
      meRuns.push({ ...me, cpuMsPerRequest: (server.cpuMillis() - cpu) / reads.length });
      writeRuns.push(await load(server.base, writes(), { connections: CONNECTIONS }));
    }
    const lines = ['小区,楼栋,单元,楼层,房号'];
    for (let i = 0; i < sizes.households; i++)
      lines.push(
        `压测小区,${Math.floor(i / 200) + 1}栋,${(i % 2) + 1}单元,${Math.floor((i % 200) / 8) + 1},${i}`,
      );
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')]), 'bench.csv');
    const started = performance.now();
    const imported = await fetch(`${server.base}/api/communities/${seeded.communityId}/households/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretary}` },
      body: form,
    });
    if (!imported.ok) throw new Error(`import: ${imported.status} ${await imported.text()}`);
    const importSeconds = (performance.now() - started) / 1000;
    const pick = (runs, key) => median(runs.map((r) => r[key]));
    return {
      me: {
        perSecond: pick(meRuns, 'perSecond'),
        p50Ms: pick(meRuns, 'p50'),
        p99Ms: pick(meRuns, 'p99'),
        cpuMsPerRequest: pick(meRuns, 'cpuMsPerRequest'),
      },
      roleWrites: {
        perSecond: pick(writeRuns, 'perSecond'),
        p50Ms: pick(writeRuns, 'p50'),
        p99Ms: pick(writeRuns, 'p99'),
      },
      householdImport: { rows: sizes.households, rowsPerSecond: sizes.households / importSeconds },
    };
  } finally {
    await sql.close();
    await server.stop();
  }
}

export function rows(figures) {
  return engines(figures).flatMap(([engine, f]) => [
    [
      `${engine} GET /api/me（${CONNECTIONS} 连接）`,
      `${f.me.perSecond.toFixed(0)} 次/秒`,
      `p50 ${f.me.p50Ms} ms，p99 ${f.me.p99Ms} ms，CPU ${f.me.cpuMsPerRequest.toFixed(2)} ms/次`,
      '目标 ≥ 2000 次/秒',
    ],
    [
      `${engine} 设置成员角色`,
      `${f.roleWrites.perSecond.toFixed(0)} 次/秒`,
      `p50 ${f.roleWrites.p50Ms} ms，p99 ${f.roleWrites.p99Ms} ms`,
    ],
    [`${engine} 导入 ${f.householdImport.rows} 户`, `${f.householdImport.rowsPerSecond.toFixed(0)} 行/秒`],
  ]);
}
