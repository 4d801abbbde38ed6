import { ApiClient, createApiClient, fetchTransport } from '@redvest/api-client';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { AppConfig, loadConfig } from '../src/config/app-config';
import { Db } from '../src/database/db';
import { createTestDatabase, dropTestDatabase } from './mysql/test-database';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  dataDir: string;
  db: Db;
  dataSource: DataSource;
  config: AppConfig;
  /** A client without a token. */
  anonymous: ApiClient;
  /** Logs in through dev-login and returns a client carrying the token. */
  login(openid: string, nickname?: string): Promise<ApiClient & { userId: string; token: string }>;
  close(): Promise<void>;
}

/**
 * The real server on a real database: SQLite in a fresh data folder, or, when TEST_MYSQL_URL is set
 * (`npm run test:mysql`), a fresh MySQL/MariaDB database made for this file and dropped afterwards.
 * A DATABASE_URL in `env` is used as it is (a test's own server).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redvest-test-'));
  const mysqlServer = process.env.TEST_MYSQL_URL;
  const database = mysqlServer && !env.DATABASE_URL ? await createTestDatabase(mysqlServer) : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_DEV_LOGIN: '1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JOBS_INTERVAL_SECONDS: '0',
    APP_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const db = app.get(Db);
  return {
    app,
    baseUrl,
    dataDir,
    db,
    dataSource: db.dataSource,
    config,
    anonymous: createApiClient(fetchTransport(baseUrl)),
    async login(openid, nickname) {
      const auth = await createApiClient(fetchTransport(baseUrl)).auth.devLogin({ openid, nickname });
      const client = createApiClient(fetchTransport(baseUrl), { getToken: () => auth.token });
      return Object.assign(client, { userId: auth.user.id, token: auth.token });
    },
    async close() {
      await app.close();
      if (database) await dropTestDatabase(mysqlServer!, database.name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A second server on the database and secrets of `first`, as two processes behind a load balancer (MySQL only). */
export function startTwinApp(first: TestApp): Promise<TestApp> {
  if (first.config.database.kind !== 'mysql') throw new Error('two servers share a database only on MySQL');
  return startTestApp({
    DATABASE_URL: first.config.database.url,
    APP_SECRET: first.config.appSecret,
    DATA_ENCRYPTION_KEY: first.config.dataKey.toString('hex'),
  });
}

/** A unique name, so tests never depend on one another's data. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
