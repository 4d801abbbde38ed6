// The built server (apps/server/dist/main.js) as a child process of its own, so that a fault can be a real
// `kill -9`: nothing of the server survives but what it wrote to the database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MAIN = join(ROOT, 'apps/server/dist/main.js');

export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Settings that stay the same across restarts of one scenario: the same data, secrets and database. */
export function serverSettings({ dataDir, databaseUrl }) {
  return {
    // Dev login and demo data on MariaDB: a test, not production (which refuses both).
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    APP_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    AUTH_DEV_LOGIN: '1',
    DEMO_SEED: '1',
    PLATFORM_ADMIN_OPENIDS: 'fault-admin',
    LOG_LEVEL: 'warn',
    JOBS_INTERVAL_SECONDS: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

export async function startServer(settings) {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    // Not the repository: a developer's .env there must not change what the scenario runs on.
    cwd: settings.DATA_DIR,
    env: { PATH: process.env.PATH, ...settings, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`server not healthy after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise((done) => child.once('exit', done));
  return {
    baseUrl,
    output: () => output,
    /** SIGKILL: no shutdown hook runs, no buffer is flushed. */
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
