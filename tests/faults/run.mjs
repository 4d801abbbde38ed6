// npm run test:faults [-- --full]: faults injected into the real server and database, at a small scale by
// default (CI) and at full scale with --full. Prints one line per fault and exits 1 on any problem.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayDatabase } from '../bench/throwaway-mysql.mjs';
import { killUnderLoad } from './kill-under-load.mjs';
import { serverSettings } from './server-process.mjs';

const full = process.argv.includes('--full');
const scale = full ? { kills: 10, clients: 100, roundMs: 4000 } : { kills: 3, clients: 20, roundMs: 1500 };

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), 'redvest-faults-'));
try {
  results.push(
    await killUnderLoad({ label: 'kill -9 · 内嵌 SQLite', settings: serverSettings({ dataDir }), ...scale }),
  );
  const mysql = await throwawayDatabase('faults');
  if (mysql) {
    const mysqlDir = mkdtempSync(join(tmpdir(), 'redvest-faults-my-'));
    try {
      results.push(
        await killUnderLoad({
          label: 'kill -9 · MariaDB',
          settings: serverSettings({ dataDir: mysqlDir, databaseUrl: mysql.url }),
          ...scale,
        }),
      );
    } finally {
      await mysql.drop();
      rmSync(mysqlDir, { recursive: true, force: true });
    }
  } else if (process.env.CI) {
    throw new Error('MariaDB is not reachable: CI must run the faults on it');
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

let failed = 0;
for (const r of results) {
  const ok = r.problems.length === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? '✓' : '✗'} ${r.label}：${r.kills} 次 kill -9，${r.acknowledged} 个已确认的写入（调整 ${r.byKind.adjust}、审批 ${r.byKind.approve}、兑换 ${r.byKind.redeem}），` +
      `${r.inDoubt} 个未得到回答的请求已重放；丢失或重复 ${r.problems.length} 处`,
  );
  r.problems.slice(0, 20).forEach((p) => console.log(`  - ${p}`));
}
process.exit(failed ? 1 : 0);
