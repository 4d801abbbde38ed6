// npm run test:faults [-- --full]: faults struck at the real server and database under load, at a small
// scale by default (CI) and at full scale with --full. Prints one line per fault and exits 1 on any problem.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayMysql } from '../bench/support/database.mjs';
import { databaseOutage, killServer } from './faults.mjs';
import { mariadbInstalled, privateMariadb } from './private-mariadb.mjs';
import { serverSettings } from './server-process.mjs';
import { faultUnderLoad } from './under-load.mjs';

const full = process.argv.includes('--full');
const scale = full ? { rounds: 10, clients: 100, roundMs: 4000 } : { rounds: 3, clients: 20, roundMs: 1500 };
const folders = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'redvest-faults-'));
  folders.push(dir);
  return dir;
};

async function onEmbedded() {
  const settings = serverSettings({ dataDir: folder() });
  return faultUnderLoad({
    label: 'kill -9 服务端 · 内嵌 SQLite',
    settings,
    fault: killServer(settings),
    ...scale,
  });
}

async function onSharedMariadb() {
  const mysql = await throwawayMysql('faults');
  if (!mysql) {
    if (process.env.CI) throw new Error('MariaDB is not reachable: CI must run the faults on it');
    return null;
  }
  try {
    const settings = serverSettings({ dataDir: folder(), databaseUrl: mysql.url });
    return await faultUnderLoad({
      label: 'kill -9 服务端 · MariaDB',
      settings,
      fault: killServer(settings),
      ...scale,
    });
  } finally {
    await mysql.drop();
  }
}

async function withDatabaseOutages() {
  if (!mariadbInstalled()) {
    if (process.env.CI) throw new Error('mariadbd is not installed: CI must run the outage fault');
    return null;
  }
  const mariadb = await privateMariadb();
  try {
    const settings = serverSettings({
      dataDir: folder(),
      databaseUrl: await mariadb.database('redvest_faults'),
    });
    return await faultUnderLoad({
      label: 'kill -9 数据库 · 私有 MariaDB',
      settings,
      fault: databaseOutage(mariadb),
      ...scale,
    });
  } finally {
    await mariadb.destroy();
  }
}

const results = [];
try {
  for (const scenario of [onEmbedded, onSharedMariadb, withDatabaseOutages]) {
    const result = await scenario();
    if (result) results.push(result);
  }
} finally {
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

let failed = 0;
for (const r of results) {
  const ok = r.problems.length === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? '✓' : '✗'} ${r.label}：${r.rounds} 次，${r.acknowledged} 个已确认的写入（调整 ${r.byKind.adjust}、审批 ${r.byKind.approve}、兑换 ${r.byKind.redeem}），` +
      `${r.inDoubt} 个没有得到确定回答的请求已重放；问题 ${r.problems.length} 处`,
  );
  r.problems.slice(0, 20).forEach((p) => console.log(`  - ${p}`));
}
process.exit(failed ? 1 : 0);
