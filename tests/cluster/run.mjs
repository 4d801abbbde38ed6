// npm run test:cluster [-- --full]: a three-node MariaDB Galera cluster on loopback ports, with two
// server processes writing through one node and then through two, and for comparison the same load on
// the machine's standalone MariaDB. Members check in and out and redeem, a secretary approves and
// adjusts, all at once. Certification conflicts between the nodes must be absorbed by the transaction
// retry or answered 503 DATABASE_BUSY, never 500; afterwards every acknowledged request is present once
// on every node, the nodes hold the same rows and the ledger verifies on each. Exits 1 on any problem.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayMysql } from '../bench/support/database.mjs';
import { serverSettings, startServer } from '../faults/server-process.mjs';
import { pendingAwards, setUp } from '../faults/under-load.mjs';
import { checkEveryNode, sendAgain } from './checks.mjs';
import { galeraCluster, galeraInstalled } from './galera.mjs';
import { concurrentLoad, openActivities } from './load.mjs';

const full = process.argv.includes('--full');
const scale = { clients: 50, durationMs: full ? 60_000 : 8_000, cycles: full ? 30 : 5 };

/** Certification failures and brute-force aborts, summed over the nodes, between two status reads. */
const conflictsBetween = (before, after) =>
  after.reduce(
    (sum, node, i) =>
      sum +
      node.local_cert_failures -
      before[i].local_cert_failures +
      (node.local_bf_aborts - before[i].local_bf_aborts),
    0,
  );

const KIND_NAMES = { check_in: '签到', check_out: '签退', approve: '审批', redeem: '兑换', adjust: '调整' };

async function phase(label, { servers, world, status }) {
  // Each call lists the whole queue: what an earlier one listed comes again.
  const queued = new Set();
  for (let round = 1; round <= 2; round++)
    (await pendingAwards(servers[0], world, `${label}-${round}`)).forEach((id) => queued.add(id));
  world.activities = await openActivities(servers[0], world, scale.cycles, label);
  world.people.forEach((person) => (person.cycle = 0));
  const before = await status();
  const record = await concurrentLoad({ servers, world, durationMs: scale.durationMs, pending: [...queued] });
  const after = await status();
  const firstTime = record.acks.length;
  const busy = record.busy.length;
  const problems = [...record.errors.map((e) => `5xx: ${e}`), ...(await sendAgain(record))];
  const p50 = (kind) => {
    const sorted = [...(record.latencies[kind] ?? [0])].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)].toFixed(0);
  };
  const byKind = Object.entries(KIND_NAMES)
    .map(
      ([kind, name]) =>
        `${name} ${record.acks.filter((a) => a.kind === kind && !a.resent).length} 个 p50 ${p50(kind)} ms`,
    )
    .join('、');
  const refused = Object.entries(record.refused).map(([what, n]) => `${what} ×${n}`);
  return {
    record,
    problems: problems.map((p) => `${label}: ${p}`),
    line:
      `${label}：${world.people.length} 个并发客户端 ${record.seconds.toFixed(1)} 秒，已确认 ${firstTime} 个写入` +
      `（${(firstTime / record.seconds).toFixed(0)}/s；${byKind}），` +
      (before ? `认证冲突 ${conflictsBetween(before, after)} 次，` : '') +
      `503 DATABASE_BUSY ${busy} 个（${((100 * busy) / (firstTime + busy || 1)).toFixed(1)}%，重发后写入），` +
      `按业务规则拒绝 ${refused.length ? refused.join('、') : '0'}`,
  };
}

async function servedBy(settings, databaseUrls) {
  const servers = [];
  for (const [name, url] of databaseUrls)
    servers.push(Object.assign(await startServer({ ...settings, DATABASE_URL: url }), { name }));
  return servers;
}

const folders = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'redvest-cluster-'));
  folders.push(dir);
  return dir;
};

/** The same load on the machine's standalone MariaDB: the figure the cluster's are compared with. */
async function standalone(results) {
  const database = await throwawayMysql('cluster');
  if (!database) return;
  const settings = serverSettings({ dataDir: folder(), databaseUrl: database.url });
  const servers = await servedBy(settings, [
    ['进程1', database.url],
    ['进程2', database.url],
  ]);
  try {
    const world = await setUp(servers[0], scale.clients);
    const result = await phase('单机 MariaDB · 两个进程', { servers, world, status: async () => null });
    result.problems.push(
      ...(await checkEveryNode({ nodeUrls: [database.url], settings, world, record: result.record })),
    );
    results.push(result);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

async function onGalera(results) {
  const cluster = await galeraCluster({ size: 3 });
  const servers = [];
  try {
    const nodeUrls = await cluster.database('redvest_cluster');
    const settings = serverSettings({ dataDir: folder(), databaseUrl: nodeUrls[0] });
    // The first creates the schema and the demo data; the others find them replicated.
    servers.push(
      ...(await servedBy(settings, [
        ['进程1@node1', nodeUrls[0]],
        ['进程2@node2', nodeUrls[1]],
        ['进程3@node1', nodeUrls[0]],
      ])),
    );
    const [onNode1, onNode2, alsoOnNode1] = servers;
    // Members of their own for each phase: a member may scan only so often (RATE_LIMITS.scans).
    const world = await setUp(onNode1, 2 * scale.clients);
    const membersOf = (n) => ({
      ...world,
      people: world.people.slice(n * scale.clients, (n + 1) * scale.clients),
    });
    const nodes = await cluster.status();
    console.log(
      `Galera ${nodes[0].provider_version}：${nodes.length} 个节点（${nodes.map((s) => s.local_state_comment).join('、')}）`,
    );
    const status = () => cluster.status();
    const phases = [
      await phase('Galera · 两个进程写同一节点', {
        servers: [onNode1, alsoOnNode1],
        world: membersOf(0),
        status,
      }),
      await phase('Galera · 两个进程写两个节点', {
        servers: [onNode1, onNode2],
        world: membersOf(1),
        status,
      }),
    ];
    const record = { acks: phases.flatMap((p) => p.record.acks) };
    const problems = await checkEveryNode({ nodeUrls, settings, world, record });
    phases[1].problems.push(...problems);
    phases[1].after =
      `3 个节点上各 ${record.acks.length} 个已确认的写入，每个恰好一次；ledger:verify 在每个节点通过；` +
      `各节点的账本、签到、兑换表校验和一致`;
    results.push(...phases);
  } catch (error) {
    servers.forEach((server) => console.error(`--- ${server.name}\n${server.output().slice(-3000)}`));
    throw error;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await cluster.destroy();
  }
}

if (!galeraInstalled()) {
  console.log('galera-4 未安装（apt-get install galera-4 rsync），跳过');
  process.exit(process.env.CI ? 1 : 0);
}
const results = [];
let failed = false;
try {
  await standalone(results);
  await onGalera(results);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}
for (const result of results) {
  const ok = result.problems.length === 0;
  failed ||= !ok;
  console.log(`${ok ? '✓' : '✗'} ${result.line}`);
  if (result.after) console.log(`${ok ? '✓' : '✗'} ${result.after}`);
  result.problems.slice(0, 30).forEach((p) => console.log(`  - ${p}`));
}
process.exit(failed ? 1 : 0);
