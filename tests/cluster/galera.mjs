// A three-node MariaDB Galera cluster of the test's own: each node a mariadbd with a private data
// directory and its own loopback ports (SQL, group communication, IST and SST), the first bootstrapping
// the cluster and the others joining it by rsync state transfer, as a real deployment's nodes would.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from '../faults/server-process.mjs';

const MARIADBD = '/usr/sbin/mariadbd';
export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const mysql = createRequire(join(ROOT, 'apps/server/package.json'))('mysql2/promise');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const galeraInstalled = () => existsSync(MARIADBD) && existsSync(GALERA_PROVIDER);

async function ports() {
  const taken = new Set();
  const next = async () => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) return taken.add(port) && port;
    }
  };
  return next;
}

/** Status variables of one node, as numbers where they are numbers. */
export async function wsrepStatus(url) {
  const connection = await mysql.createConnection(url);
  try {
    const [rows] = await connection.query("SHOW GLOBAL STATUS LIKE 'wsrep_%'");
    return Object.fromEntries(
      rows.map(({ Variable_name: name, Value: value }) => [
        name.slice('wsrep_'.length),
        value !== '' && Number.isFinite(Number(value)) ? Number(value) : value,
      ]),
    );
  } finally {
    await connection.end();
  }
}

/**
 * Run as root, the nodes drop to the `mysql` account: the rsync daemon a joiner starts for its state
 * transfer would otherwise run as `nobody` and be refused its own data directory.
 */
function runAs() {
  if (process.getuid?.() !== 0) return { user: null };
  const id = (flag) => Number(execFileSync('id', [flag, 'mysql'], { encoding: 'utf8' }).trim());
  return { user: 'mysql', uid: id('-u'), gid: id('-g') };
}

export async function galeraCluster({ size = 3 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'redvest-galera-'));
  const account = runAs();
  const own = (path) => account.user && chownSync(path, account.uid, account.gid);
  own(root);
  const next = await ports();
  const nodes = [];
  for (let i = 1; i <= size; i++) {
    const dir = join(root, `node${i}`);
    mkdirSync(dir);
    own(dir);
    nodes.push({
      name: `node${i}`,
      dir,
      datadir: join(dir, 'data'),
      port: await next(),
      groupPort: await next(),
      istPort: await next(),
      sstPort: await next(),
      child: null,
    });
  }
  const clusterAddress = `gcomm://${nodes.map((n) => `127.0.0.1:${n.groupPort}`).join(',')}`;

  const args = (node, bootstrap) => [
    '--no-defaults',
    `--datadir=${node.datadir}`,
    `--port=${node.port}`,
    `--socket=${join(node.dir, 'mysqld.sock')}`,
    `--pid-file=${join(node.dir, 'mysqld.pid')}`,
    `--log-error=${join(node.dir, 'error.log')}`,
    '--bind-address=127.0.0.1',
    ...(account.user ? [`--user=${account.user}`] : []),
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=128M',
    '--innodb-log-file-size=48M',
    '--max-connections=300',
    // What Galera requires of every node.
    '--binlog-format=ROW',
    '--default-storage-engine=InnoDB',
    '--innodb-autoinc-lock-mode=2',
    '--wsrep-on=ON',
    `--wsrep-provider=${GALERA_PROVIDER}`,
    '--wsrep-cluster-name=redvest-test',
    `--wsrep-node-name=${node.name}`,
    `--wsrep-node-address=127.0.0.1:${node.groupPort}`,
    `--wsrep-node-incoming-address=127.0.0.1:${node.port}`,
    `--wsrep-cluster-address=${clusterAddress}`,
    `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${node.groupPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=64M`,
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=127.0.0.1:${node.sstPort}`,
    '--wsrep-slave-threads=2',
    ...(bootstrap ? ['--wsrep-new-cluster'] : []),
  ];

  const url = (node) => `mysql://root@127.0.0.1:${node.port}`;
  const errorLog = (node) => {
    try {
      return readFileSync(join(node.dir, 'error.log'), 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '(no error log)';
    }
  };

  async function waitSynced(node, timeoutMs = 120_000) {
    for (const deadline = Date.now() + timeoutMs; ;) {
      if (node.child?.exitCode !== null && node.child?.exitCode !== undefined)
        throw new Error(`${node.name} exited with ${node.child.exitCode}:\n${errorLog(node)}`);
      const status = await wsrepStatus(url(node)).catch(() => null);
      if (status?.local_state_comment === 'Synced' && status.ready === 'ON') return status;
      if (Date.now() > deadline)
        throw new Error(`${node.name} not synced after ${timeoutMs} ms:\n${errorLog(node)}`);
      await pause(250);
    }
  }

  async function start(node, { bootstrap = false } = {}) {
    if (!existsSync(node.datadir))
      execFileSync(
        'mariadb-install-db',
        [
          '--no-defaults',
          `--datadir=${node.datadir}`,
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
          ...(account.user ? [`--user=${account.user}`] : []),
        ],
        { stdio: 'ignore' },
      );
    node.child = spawn(MARIADBD, args(node, bootstrap), { stdio: 'ignore' });
    await waitSynced(node);
  }

  async function stop(node) {
    const running = node.child;
    node.child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGTERM');
    await exited;
  }

  const cluster = {
    nodes: nodes.map((node) => ({ name: node.name, url: url(node) })),
    async start() {
      await start(nodes[0], { bootstrap: true });
      // One joiner at a time: each takes a full state transfer from a donor.
      for (const node of nodes.slice(1)) await start(node);
      const status = await wsrepStatus(url(nodes[0]));
      if (status.cluster_size !== size) throw new Error(`cluster size ${status.cluster_size}, not ${size}`);
    },
    status: () => Promise.all(nodes.map((node) => wsrepStatus(url(node)))),
    /** A database created on one node, which the cluster replicates to the others. */
    async database(name) {
      const connection = await mysql.createConnection(url(nodes[0]));
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await connection.end();
      return nodes.map((node) => `${url(node)}/${name}`);
    },
    async destroy() {
      for (const node of [...nodes].reverse()) await stop(node);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
