import cluster, { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config/app-config';
import { loadDotEnv } from './config/dotenv';

/** Workers that die this soon after starting, this many times in a row, mean a fault no restart mends. */
const EARLY_EXIT_MS = 10_000;
const EARLY_EXITS_TO_GIVE_UP = 5;

/**
 * 集群模式 (`npm run start:cluster`): CLUSTER_WORKERS server processes (one per core unless set) on one
 * port, against one MySQL database. Whatever a process must agree on with the others lives in the
 * database: rate-limit counters, job leases, the WeChat access token, idempotency keys, the ledger's
 * chain; no process keeps a cache of them. So any process may answer any request, and one that dies is
 * simply replaced. The first starts alone and runs the migrations; the others start once it listens.
 * SIGTERM stops them all, each finishing what it is answering.
 */
function primary(): void {
  loadDotEnv();
  const config = loadConfig();
  if (config.database.kind !== 'mysql')
    throw new ConfigError([
      '集群模式需要 MySQL/MariaDB（设置 DATABASE_URL）：内嵌数据库只能由一个进程写入，请用 npm start',
    ]);
  const count = Number(process.env.CLUSTER_WORKERS ?? availableParallelism());
  if (!Number.isInteger(count) || count < 1)
    throw new ConfigError([`CLUSTER_WORKERS 应为正整数，现在是 “${process.env.CLUSTER_WORKERS}”`]);

  cluster.setupPrimary({ exec: join(__dirname, 'main.js') });
  let stopping = false;
  let earlyExits = 0;
  const started = new Map<Worker, number>();
  const fork = () => {
    if (!stopping) started.set(cluster.fork(), Date.now());
  };

  cluster.once('listening', () => {
    for (let i = 1; i < count; i++) fork();
  });
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    earlyExits = lived < EARLY_EXIT_MS ? earlyExits + 1 : 0;
    if (earlyExits >= EARLY_EXITS_TO_GIVE_UP) {
      console.error(`服务进程接连启动失败（${earlyExits} 次），集群停止`);
      process.exit(1);
    }
    console.error(`服务进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重启`);
    setTimeout(fork, 1000).unref();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      stopping = true;
      if (started.size === 0) process.exit(0);
      for (const worker of started.keys()) worker.process.kill('SIGTERM');
    });
  console.log(`红马甲集群：${count} 个服务进程`);
  fork();
}

try {
  primary();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
