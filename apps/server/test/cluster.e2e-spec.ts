import { ApiError, createApiClient, fetchTransport } from '@redvest/api-client';
import { ErrorCode, Role, Unit } from '@redvest/contract';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RATE_LIMITS } from '../src/rate-limits/rules';
import { encodeCode } from '@redvest/domain';
import { codeSigner } from '../src/checkins/checkin-token';
import { activity, minutesFromNow } from './checkin-fixtures';
import { onMariaDb } from './databases';
import { ADMIN_OPENID, Logins, memberWith, newCommunity } from './fixtures';
import { givePoints } from './ledger-fixtures';
import { createTestDatabase, dropTestDatabase } from './mysql/test-database';
import { freePort } from './server-process';

/**
 * `npm run start:cluster` (dist/cluster.js): the same requests get the same answers from two server
 * processes sharing a port as from one, with what they must agree on (rate limits, the ledger) in the
 * database. MariaDB only: the cluster refuses the embedded database.
 */
jest.setTimeout(180_000);

const CLUSTER = join(__dirname, '../dist/cluster.js');

interface Cluster {
  baseUrl: string;
  port: number;
  workers(): number[];
  output(): string;
  stop(): Promise<number | null>;
}

async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [CLUSTER], {
    cwd: mkdtempSync(join(tmpdir(), 'redvest-cluster-')),
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const workers = () => {
    try {
      return execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map(Number);
    } catch {
      return [];
    }
  };
  const cluster = {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    workers,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const expected = Number(env.CLUSTER_WORKERS);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`cluster exited with ${child.exitCode}:\n${log}`);
    const healthy = await fetch(`${cluster.baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy && workers().length === expected && log.split('红马甲已启动').length - 1 === expected)
      return cluster;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await cluster.stop();
  throw new Error(`cluster not up in time:\n${log}`);
}

/** A POST on a connection of its own, so that the cluster hands each to the next process in turn. */
function postAlone(port: number, path: string, token: string, body: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          connection: 'close',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(res.statusCode === 200 ? 'ok' : JSON.parse(text).error.code));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'ok' : r.reason instanceof ApiError ? r.reason.code : String(r.reason);

/**
 * The same work, concurrent where people would be: 12 volunteers check in and out of one activity, their
 * awards are approved, 24 adjustments come in at once, and one person keeps scanning a wrong code.
 * Answers what anyone could see of it, without ids.
 */
async function scenario(cluster: Cluster) {
  const server: Logins = {
    async login(openid, nickname) {
      const auth = await createApiClient(fetchTransport(cluster.baseUrl)).auth.devLogin({ openid, nickname });
      const client = createApiClient(fetchTransport(cluster.baseUrl), { getToken: () => auth.token });
      return Object.assign(client, { userId: auth.user.id, token: auth.token });
    },
  };
  const admin = await server.login(ADMIN_OPENID);
  const { community, secretary } = await newCommunity(server, admin, '集群社区');
  const members = await Promise.all(
    Array.from({ length: 12 }, () => memberWith(server, secretary, community.id, [Role.Volunteer])),
  );
  const event = await activity(secretary, community.id);
  const { token: code } = await secretary.activities.code(event.id, 'poster');
  // Scanned half an hour ago and sent now (the offline queue), so that the check-out earns minutes.
  const checkIns = await Promise.allSettled(
    members.map((m) => m.checkins.scan({ token: code, scannedAt: minutesFromNow(-30) })),
  );
  const checkOuts = await Promise.allSettled(
    members.map((m) => m.checkins.scan({ token: code, intent: 'check_out' })),
  );
  const queue = await secretary.approvals.queue(community.id);
  const approvals = await Promise.allSettled(
    queue.items.filter((i) => i.unit === Unit.Points).map((i) => secretary.approvals.approve(i.transferId)),
  );
  const adjustments = await Promise.allSettled(
    Array.from({ length: 24 }, (_, i) =>
      givePoints(secretary, community.id, members[i % 12].userId, i % 8 === 7 ? -1000 : i + 1),
    ),
  );
  const forged = encodeCode(codeSigner(randomBytes(32).toString('hex')), {
    kind: 'poster',
    activityNumber: event.number,
    window: 0,
  });
  const wrong = [];
  for (let i = 0; i < RATE_LIMITS.wrongCheckinCodes.limit + 3; i++)
    wrong.push(await postAlone(cluster.port, '/api/checkins', members[0].token, { token: forged }));
  const balances = await Promise.all(
    members.map(async (m) => (await m.points.mine()).accounts.map((a) => [a.points, a.minutes])),
  );
  return {
    checkIns: checkIns.map(outcome),
    checkOuts: checkOuts.map(outcome),
    queued: queue.items.length,
    approvals: approvals.map(outcome),
    adjustments: adjustments.map(outcome),
    wrong,
    balances,
    verify: await secretary.points.verify(community.id),
  };
}

onMariaDb('the server as a cluster of processes (npm run start:cluster)', () => {
  const mysqlServer = process.env.TEST_MYSQL_URL!;
  const secrets = {
    APP_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  };
  const env = (url: string, workers: number) => ({
    ...secrets,
    DATABASE_URL: url,
    NODE_ENV: 'development',
    AUTH_DEV_LOGIN: '1',
    PLATFORM_ADMIN_OPENIDS: ADMIN_OPENID,
    JOBS_INTERVAL_SECONDS: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'redvest-cluster-data-')),
    CLUSTER_WORKERS: String(workers),
  });

  it('answers as one process does with two, each wrong code counted once across both', async () => {
    const answers = [];
    for (const workers of [1, 2]) {
      const database = await createTestDatabase(mysqlServer);
      const cluster = await startCluster(env(database.url, workers));
      try {
        expect(cluster.workers()).toHaveLength(workers);
        answers.push(await scenario(cluster));
      } finally {
        expect(await cluster.stop()).toBe(0);
        await dropTestDatabase(mysqlServer, database.name);
      }
    }
    const [one, two] = answers;
    expect(two).toEqual(one);
    expect(one.checkIns).toEqual(Array(12).fill('ok'));
    expect(one.queued).toBe(24);
    expect(one.approvals).toEqual(Array(12).fill('ok'));
    expect(one.adjustments.filter((c) => c !== 'ok')).toEqual(Array(3).fill(ErrorCode.InsufficientPoints));
    const limit = RATE_LIMITS.wrongCheckinCodes.limit;
    expect(one.wrong).toEqual([
      ...Array(limit).fill(ErrorCode.CheckinCodeForged),
      ...Array(3).fill(ErrorCode.CheckinRateLimited),
    ]);
    expect(one.verify).toMatchObject({ ok: true });
  });

  it('replaces a process that dies, and refuses the embedded database', async () => {
    const database = await createTestDatabase(mysqlServer);
    const cluster = await startCluster(env(database.url, 2));
    try {
      const [victim] = cluster.workers();
      process.kill(victim, 'SIGKILL');
      // Replaced once the cluster says so and a third process has started.
      const started = () => cluster.output().split('红马甲已启动').length - 1;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !(cluster.output().includes('正在重启') && started() === 3))
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(started()).toBe(3);
      expect(cluster.workers()).toHaveLength(2);
      expect(cluster.workers()).not.toContain(victim);
      expect((await fetch(`${cluster.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await cluster.stop();
      await dropTestDatabase(mysqlServer, database.name);
    }
    const { DATABASE_URL: _, ...embedded } = env('', 2);
    const refused = spawn(process.execPath, [CLUSTER], {
      env: { PATH: process.env.PATH ?? '', ...embedded },
    });
    let text = '';
    refused.stderr.on('data', (chunk) => (text += chunk));
    expect(await new Promise((resolve) => refused.once('exit', resolve))).toBe(1);
    expect(text).toContain('集群模式需要 MySQL/MariaDB');
  });
});
