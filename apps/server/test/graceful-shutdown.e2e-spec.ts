import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeWechat, fakeWechatEnv } from './fake-wechat';
import { createTestDatabase, dropTestDatabase } from './mysql/test-database';
import { runningServer, ServerProcess } from './server-process';

jest.setTimeout(120_000);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** When and how its connection ended. */
  ended: Promise<{ clean: boolean; at: number }>;
}

/** One request on a kept-alive connection of `agent` (which keeps the connection for the next one). */
function send(baseUrl: string, agent: Agent, method: string, path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: text
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }
          : {},
      },
      (res) => {
        let received = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (received += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: received, ended }),
        );
      },
    );
    let ended: Answer['ended'];
    req.once('socket', (socket) => (ended = ending(socket)));
    req.on('error', reject);
    req.end(text);
  });
}

/** How a connection ended: closed cleanly by the server (FIN), or reset; and when. */
function ending(socket: Socket): Promise<{ clean: boolean; at: number }> {
  return new Promise((resolve) => {
    let error: Error | null = null;
    socket.once('error', (e) => (error = e));
    socket.once('close', () => resolve({ clean: error === null, at: Date.now() }));
  });
}

const until = async (check: () => Promise<boolean> | boolean, what: string, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('stopping on SIGTERM (the production build as its own process)', () => {
  const mysqlServer = process.env.TEST_MYSQL_URL;
  let database: { name: string; url: string } | null = null;
  let dataDir: string;
  let wechat: FakeWechat;
  let server: ServerProcess;

  beforeAll(async () => {
    if (mysqlServer) database = await createTestDatabase(mysqlServer);
    dataDir = mkdtempSync(join(tmpdir(), 'redvest-shutdown-'));
    wechat = await new FakeWechat().start();
    server = await runningServer({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JOBS_INTERVAL_SECONDS: '1',
      ...fakeWechatEnv(wechat),
      ...(database ? { DATABASE_URL: database.url } : {}),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await wechat?.stop();
    if (database) await dropTestDatabase(mysqlServer!, database.name);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const leases = async (): Promise<{ name: string; expiresAt: number }[]> => {
    const sql = 'SELECT name, expires_at FROM job_leases';
    let rows: { name: string; expires_at: Date | string }[];
    if (database) {
      const connection = await createConnection({ uri: database.url, timezone: 'Z' });
      rows = (await connection.query(sql))[0] as typeof rows;
      await connection.end();
    } else {
      const file = new Database(join(dataDir, 'redvest.sqlite'), { readonly: true });
      rows = file.prepare(sql).all() as typeof rows;
      file.close();
    }
    return rows.map((r) => ({
      name: r.name,
      expiresAt: r.expires_at instanceof Date ? r.expires_at.getTime() : Date.parse(`${r.expires_at}Z`),
    }));
  };

  it('finishes the request under way, closes kept-alive connections cleanly, gives up its leases and exits', async () => {
    // The scheduler has taken its jobs' leases.
    await until(async () => (await leases()).some((l) => l.expiresAt > Date.now()), 'the job leases');

    // A connection kept alive after its answer, idle when the signal comes.
    const idle = await send(server.baseUrl, new Agent({ keepAlive: true }), 'GET', '/healthz');
    expect([idle.status, idle.headers.connection]).toEqual([200, 'keep-alive']);

    // A login waiting on a slow WeChat when the signal comes, on a kept-alive connection of its own.
    wechat.delayMs = 1500;
    wechat.codes.set('code-in-flight', 'openid-in-flight');
    const slowAgent = new Agent({ keepAlive: true });
    const inFlight = send(server.baseUrl, slowAgent, 'POST', '/api/auth/wechat', { code: 'code-in-flight' });
    await until(() => wechat.arrivals.includes('/sns/jscode2session'), 'the login to reach WeChat');

    const signalled = Date.now();
    server.signal('SIGTERM');

    // The idle connection is closed at once, cleanly: no answer (no 503), no reset.
    const idleEnd = await idle.ended;
    expect(idleEnd.clean).toBe(true);
    expect(idleEnd.at - signalled).toBeLessThan(1000);
    // No new connections (once the listening socket is gone, a moment after the signal).
    const refusing = () =>
      new Promise<boolean>((resolve) => {
        const probe = connect(Number(new URL(server.baseUrl).port), '127.0.0.1');
        probe.once('connect', () => {
          probe.destroy();
          resolve(false);
        });
        probe.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
      });
    await until(refusing, 'new connections to be refused', 1000);

    // The login finishes with its answer, which ends its connection.
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('token');
    expect(answer.headers.connection).toBe('close');
    expect((await answer.ended).clean).toBe(true);

    // Out within a few seconds (not the 72 s of keep-alive), having given its leases up.
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5000);
    const kept = await leases();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((l) => l.expiresAt > Date.now())).toEqual([]);
    expect(server.output()).toContain('已停止');
  });
});
