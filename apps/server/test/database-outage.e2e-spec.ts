import { ErrorCode } from '@redvest/contract';
import { Logger } from '@nestjs/common';
import { startTestApp, TestApp } from './harness';
import { PrivateMariadb } from './mysql/private-mariadb';

jest.setTimeout(60_000);

/** Runs with `npm run test:mysql`: the outage is of a MariaDB server of this test's own. */
const onMariadb = process.env.TEST_MYSQL_URL && PrivateMariadb.isInstalled() ? describe : describe.skip;

onMariadb('a database outage', () => {
  let mariadb: PrivateMariadb;
  let t: TestApp;
  let token: string;
  let communityId: string;
  const logged: { level: string; context: string; message: string }[] = [];

  beforeAll(async () => {
    for (const level of ['error', 'warn', 'log'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: unknown[]) {
        const context = (this as unknown as { context: string }).context;
        logged.push({ level, context, message: String(args[0]) });
      });
    }
    mariadb = await PrivateMariadb.create();
    t = await startTestApp({
      DATABASE_URL: await mariadb.createDatabase('redvest_t_outage'),
      PLATFORM_ADMIN_OPENIDS: 'outage-admin',
    });
    const admin = await t.login('outage-admin');
    token = admin.token;
    communityId = (await admin.communities.create({ name: '停电社区' })).id;
  });
  afterAll(async () => {
    await t?.close();
    await mariadb?.destroy();
    jest.restoreAllMocks();
  });

  const get = (path: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const databaseLines = () => logged.filter((line) => line.context === 'Database');

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After at once, logs it once, and recovers without a restart', async () => {
    expect((await get('/healthz')).status).toBe(200);
    await mariadb.kill();

    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => get(i % 3 ? '/api/me' : `/api/communities/${communityId}`)),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(await answer.json()).toEqual({
        error: { code: ErrorCode.DatabaseUnavailable, message: '数据服务暂时不可用' },
      });
    }
    const health = await get('/healthz');
    expect([health.status, health.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await health.json()).toEqual({ status: 'degraded', database: 'down' });
    expect(databaseLines()).toHaveLength(1);
    expect(databaseLines()[0]).toMatchObject({
      level: 'error',
      message: expect.stringContaining('数据库不可用'),
    });
    expect(logged.filter((line) => line.context === 'Error')).toEqual([]);

    await mariadb.start();
    const deadline = Date.now() + 20_000;
    while ((await get('/healthz')).status !== 200) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await get('/api/me')).status).toBe(200);
    const created = await fetch(`${t.baseUrl}/api/communities/${communityId}/rewards`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '恢复后上架', cost: 1, stock: 1 }),
    });
    expect(created.status).toBe(403); // the platform admin is no secretary: the database answered
    while (databaseLines().length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(databaseLines()).toHaveLength(2);
    expect(databaseLines()[1]).toMatchObject({
      level: 'log',
      message: expect.stringContaining('数据库已恢复'),
    });
  });
});
