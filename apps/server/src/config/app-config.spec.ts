import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const temp = () => mkdtempSync(join(tmpdir(), 'redvest-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: temp(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file in DATA_DIR on 127.0.0.1:3000', () => {
    const dir = temp();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: join(dir, 'redvest.sqlite') },
      production: false,
      apiDocs: true,
      devLogin: false,
      demoSeed: false,
      wechat: null,
      wechatApiBase: 'https://api.weixin.qq.com',
      platformAdminOpenids: [],
    });
  });

  it('generates the secrets once in the embedded mode and keeps them private in DATA_DIR', () => {
    const dir = temp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.appSecret).toBe(first.appSecret);
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(first.dataKey).toHaveLength(32);
    const file = join(dir, 'secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(first.appSecret);
  });

  it('requires the secrets with MySQL and reads the URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://u:p@db:3306/redvest' })).toEqual([
      'APP_SECRET: 使用 MySQL（生产环境）时必须配置',
      'DATA_ENCRYPTION_KEY: 使用 MySQL（生产环境）时必须配置',
    ]);
    const config = loadConfig({
      DATA_DIR: temp(),
      DATABASE_URL: 'mariadb://u:p@db:3306/redvest',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://u:p@db:3306/redvest' });
    expect(config).toMatchObject({ production: true, apiDocs: false });
  });

  it('reads DATABASE_SYNC_WAIT as auto (undefined) or a bitmask of 0 to 15', () => {
    const mysql = (DATABASE_SYNC_WAIT?: string) =>
      loadConfig({
        DATA_DIR: temp(),
        DATABASE_URL: 'mysql://u:p@db:3306/redvest',
        APP_SECRET: randomBytes(32).toString('hex'),
        DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        DATABASE_SYNC_WAIT,
      }).database;
    expect(mysql()).toMatchObject({ syncWait: undefined });
    expect(mysql('auto')).toMatchObject({ syncWait: undefined });
    expect(mysql('0')).toMatchObject({ syncWait: 0 });
    expect(mysql('15')).toMatchObject({ syncWait: 15 });
    for (const bad of ['16', 'on', '-1'])
      expect(problemsOf({ DATABASE_SYNC_WAIT: bad })).toEqual([
        'DATABASE_SYNC_WAIT: DATABASE_SYNC_WAIT 应为 auto 或 0 到 15 的整数（Galera 集群的 wsrep_sync_wait）',
      ]);
  });

  it('names every bad value', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x/y',
      APP_SECRET: 'short',
      AUTH_DEV_LOGIN: 'yes',
      WECHAT_APPID: 'wx123',
      WECHAT_API_BASE: 'not a url',
      DATA_ENCRYPTION_KEY: 'abc',
    });
    const named = problems.map((p) => p.split(':')[0]);
    for (const key of [
      'PORT',
      'DATABASE_URL',
      'APP_SECRET',
      'AUTH_DEV_LOGIN',
      'WECHAT_APPID',
      'WECHAT_API_BASE',
      'DATA_ENCRYPTION_KEY',
      'WECHAT_SECRET',
    ]) {
      expect(named).toContain(key);
    }
  });

  it('reads the WeChat app, the admins and the flags', () => {
    const config = loadConfig({
      DATA_DIR: temp(),
      PORT: '8080',
      AUTH_DEV_LOGIN: '1',
      DEMO_SEED: '1',
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
      WECHAT_API_BASE: 'http://127.0.0.1:9999/',
      PLATFORM_ADMIN_OPENIDS: ' a , b,,',
    });
    expect(config).toMatchObject({
      port: 8080,
      devLogin: true,
      demoSeed: true,
      wechat: { appId: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' },
      wechatApiBase: 'http://127.0.0.1:9999',
      platformAdminOpenids: ['a', 'b'],
    });
  });
});
