import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { validateEnvironment } from './environment';
import { isProduction, parseDataKey } from './production-safety';

/** `syncWait`: wsrep_sync_wait on a Galera cluster (DATABASE_SYNC_WAIT, database/mysql-driver.ts); undefined: auto. */
export type DatabaseConfig =
  { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string; syncWait?: number };

/** The server's settings, resolved from the environment once at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** NODE_ENV=production, or a DATABASE_URL outside tests and development: unsafe settings were refused. */
  production: boolean;
  /** The OpenAPI pages at /api/docs: on by default outside production (API_DOCS). */
  apiDocs: boolean;
  /**
   * Which peers' X-Forwarded-For/-Proto are believed (Fastify's trustProxy): by default a proxy on this host
   * only; a peer on the private network may be a client, who must not choose the address it is counted by.
   */
  trustProxy: boolean | number | string;
  database: DatabaseConfig;
  dataDir: string;
  /** The H5 build served at `/` (H5_DIR; by default the mini-program's dist/h5 in this repository). */
  h5Dir: string;
  appSecret: string;
  /** 32 bytes for AES-256-GCM of personal data (phone numbers). */
  dataKey: Buffer;
  devLogin: boolean;
  demoSeed: boolean;
  wechat: { appId: string; secret: string } | null;
  wechatApiBase: string;
  platformAdminOpenids: string[];
  logLevel: string;
  /** How often scheduled jobs run; 0 turns them off (tests run them by hand). */
  jobsIntervalSeconds: number;
  /** The subscribe-message template told of wish changes (fields thing1, phrase2, time3, thing4). */
  wechatWishTemplate: string | null;
  wishes: { claimDays: number; autoConfirmDays: number; maxOpenClaims: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误：\n  - ${problems.join('\n  - ')}`);
  }
}

export const WECHAT_DEFAULT_API_BASE = 'https://api.weixin.qq.com';

/** Where the mini-program's H5 build lands (apps/miniprogram/dist/h5), from src/config or dist/config. */
export const DEFAULT_H5_DIR = join(__dirname, '../../../miniprogram/dist/h5');

/**
 * Reads and checks the environment. In the embedded mode (no DATABASE_URL) the secrets are generated once
 * and kept in DATA_DIR, so tokens and encrypted data survive a restart; with MySQL they must be configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const { values, problems } = validateEnvironment(env);
  if (problems.length) throw new ConfigError(problems);
  const dataDir = resolvePath(values.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const database: DatabaseConfig = values.DATABASE_URL
    ? {
        kind: 'mysql',
        url: values.DATABASE_URL.replace(/^mariadb:/, 'mysql:'),
        syncWait: syncWaitOf(values.DATABASE_SYNC_WAIT),
      }
    : { kind: 'sqlite', file: join(dataDir, 'redvest.sqlite') };
  const kept = database.kind === 'sqlite' ? embeddedSecrets(dataDir) : null;
  const production = isProduction(values);
  return {
    port: values.PORT ?? 3000,
    host: values.HOST ?? '127.0.0.1',
    production,
    apiDocs: values.API_DOCS ? values.API_DOCS === '1' : !production,
    trustProxy: parseTrustProxy(values.TRUST_PROXY ?? DEFAULT_TRUST_PROXY),
    database,
    dataDir,
    h5Dir: values.H5_DIR ? resolvePath(values.H5_DIR) : DEFAULT_H5_DIR,
    appSecret: values.APP_SECRET ?? kept!.appSecret,
    dataKey: parseDataKey(values.DATA_ENCRYPTION_KEY ?? kept!.dataKey),
    devLogin: values.AUTH_DEV_LOGIN === '1',
    demoSeed: values.DEMO_SEED === '1',
    wechat: values.WECHAT_APPID ? { appId: values.WECHAT_APPID, secret: values.WECHAT_SECRET! } : null,
    wechatApiBase: (values.WECHAT_API_BASE ?? WECHAT_DEFAULT_API_BASE).replace(/\/$/, ''),
    platformAdminOpenids: (values.PLATFORM_ADMIN_OPENIDS ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    logLevel: values.LOG_LEVEL ?? 'info',
    jobsIntervalSeconds: Number(values.JOBS_INTERVAL_SECONDS ?? 60),
    wechatWishTemplate: values.WECHAT_TEMPLATE_WISH ?? null,
    wishes: {
      claimDays: Number(values.WISH_CLAIM_DAYS ?? 7),
      autoConfirmDays: Number(values.WISH_AUTO_CONFIRM_DAYS ?? 7),
      maxOpenClaims: Number(values.WISH_MAX_OPEN_CLAIMS ?? 3),
    },
  };
}

/** Proxies on this machine or a private network; a client's own X-Forwarded-For is not believed. */
export const DEFAULT_TRUST_PROXY = 'loopback';

function syncWaitOf(text: string | undefined): number | undefined {
  return text === undefined || text === 'auto' ? undefined : Number(text);
}

function parseTrustProxy(text: string): boolean | number | string {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^\d+$/.test(text) ? Number(text) : text;
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

interface KeptSecrets {
  appSecret: string;
  dataKey: string;
}

function embeddedSecrets(dataDir: string): KeptSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeptSecrets;
  const secrets: KeptSecrets = {
    appSecret: randomBytes(32).toString('base64url'),
    dataKey: randomBytes(32).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
