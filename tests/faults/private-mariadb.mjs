// A MariaDB server of the fault script's own (data in a temporary folder, its own port, no passwords),
// so that stopping it under load harms nothing else on the machine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './server-process.mjs';

const MARIADBD = '/usr/sbin/mariadbd';
const mysql = createRequire(join(ROOT, 'apps/server/package.json'))('mysql2/promise');

export const mariadbInstalled = () => existsSync(MARIADBD);

export async function privateMariadb() {
  const dir = mkdtempSync(join(tmpdir(), 'redvest-faults-mariadb-'));
  const datadir = join(dir, 'data');
  execFileSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--user=root',
    ],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  const url = `mysql://root@127.0.0.1:${port}`;
  let child = null;
  const answers = () =>
    mysql.createConnection(url).then(
      (c) => c.end().then(() => true),
      () => false,
    );
  const server = {
    url,
    async start() {
      child = spawn(
        MARIADBD,
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--port=${port}`,
          `--socket=${join(dir, 'mysqld.sock')}`,
          `--pid-file=${join(dir, 'mysqld.pid')}`,
          `--log-error=${join(dir, 'error.log')}`,
          '--bind-address=127.0.0.1',
          '--skip-grant-tables',
          '--skip-log-bin',
          '--user=root',
        ],
        { stdio: 'ignore' },
      );
      for (const deadline = Date.now() + 30_000; !(await answers());) {
        if (Date.now() > deadline) throw new Error('the private MariaDB did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** kill -9, as in a crash of the database server. */
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((done) => running.once('exit', done));
      running.kill('SIGKILL');
      await exited;
    },
    async database(name) {
      const connection = await mysql.createConnection(url);
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await connection.end();
      return `${url}/${name}`;
    },
    async destroy() {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
