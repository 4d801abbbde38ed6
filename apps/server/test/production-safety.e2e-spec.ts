import { createApiClient, fetchTransport } from '@redvest/api-client';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_OPENID } from './fixtures';
import { createTestDatabase, dropTestDatabase } from './mysql/test-database';
import { refusedStart, runningServer } from './server-process';

const strongSecrets = () => ({
  APP_SECRET: randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
});

describe('production refuses to start unsafe', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'redvest-prod-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('names the dev login, a weak APP_SECRET and a weak DATA_ENCRYPTION_KEY, and exits 1', async () => {
    const { code, output } = await refusedStart({
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      AUTH_DEV_LOGIN: '1',
      APP_SECRET: 'x'.repeat(32),
      DATA_ENCRYPTION_KEY: '0'.repeat(64),
    });
    expect(code).toBe(1);
    expect(output).toContain('配置有误');
    expect(output).toContain('AUTH_DEV_LOGIN: 生产环境不能开启体验登录');
    expect(output).toContain('APP_SECRET: 只由 1 种字符组成');
    expect(output).toContain('DATA_ENCRYPTION_KEY: 只由 1 种字符组成');
    expect(output).not.toContain('红马甲已启动');
  });

  it('treats a MySQL database as production when NODE_ENV is not set, before connecting to it', async () => {
    const { code, output } = await refusedStart({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://nobody@127.0.0.1:1/redvest',
      AUTH_DEV_LOGIN: '1',
      APP_SECRET: 'change-me-to-a-long-random-secret-string',
      DATA_ENCRYPTION_KEY: '0123456789abcdef'.repeat(4),
    });
    expect(code).toBe(1);
    expect(output).toContain('AUTH_DEV_LOGIN: 生产环境不能开启体验登录');
    expect(output).toContain('APP_SECRET: 是文档中的示例值');
    expect(output).toContain('DATA_ENCRYPTION_KEY: 是文档中的示例值');
  });

  describe('demo data', () => {
    const mysqlServer = process.env.TEST_MYSQL_URL;
    let database: { name: string; url: string } | null = null;
    beforeAll(async () => {
      if (mysqlServer) database = await createTestDatabase(mysqlServer);
    });
    afterAll(async () => {
      if (database) await dropTestDatabase(mysqlServer!, database.name);
    });
    const on = (dir: string) => ({ DATA_DIR: dir, ...(database ? { DATABASE_URL: database.url } : {}) });

    it('seeds the demo into an empty database in production, and starts again over its own rows only', async () => {
      const dir = dataDir();
      const secrets = strongSecrets();
      const production = { ...on(dir), ...secrets, NODE_ENV: 'production', DEMO_SEED: '1' };
      const first = await runningServer(production);
      await first.stop();
      const again = await runningServer(production);
      await again.stop();
      expect(again.output()).not.toContain('配置有误');
    });

    it('refuses DEMO_SEED=1 against a database holding a community the demo did not create', async () => {
      // A deployment in use: someone created a real community (here through a development run).
      const dir = dataDir();
      const secrets = strongSecrets();
      const development = await runningServer({
        ...on(dir),
        ...secrets,
        NODE_ENV: 'development',
        AUTH_DEV_LOGIN: '1',
        PLATFORM_ADMIN_OPENIDS: ADMIN_OPENID,
      });
      try {
        const anonymous = createApiClient(fetchTransport(development.baseUrl));
        const { token } = await anonymous.auth.devLogin({ openid: ADMIN_OPENID });
        const admin = createApiClient(fetchTransport(development.baseUrl), { getToken: () => token });
        await admin.communities.create({ name: '檀溪社区' });
      } finally {
        await development.stop();
      }

      const { code, output } = await refusedStart({
        ...on(dir),
        ...secrets,
        NODE_ENV: 'production',
        DEMO_SEED: '1',
      });
      expect(code).toBe(1);
      expect(output).toContain(
        'DEMO_SEED: 数据库中已有不是演示数据创建的内容（其他社区 1 个、其他用户 1 位）',
      );
    });
  });
});
