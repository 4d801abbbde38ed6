// Reads the database a scenario ran on, directly, to check what the server acknowledged: the embedded
// file through its own read-only connection, MariaDB through mysql2.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './server-process.mjs';

const serverRequire = createRequire(join(ROOT, 'apps/server/package.json'));

export async function openDatabase(settings) {
  if (!settings.DATABASE_URL) {
    const Database = serverRequire('better-sqlite3');
    const db = new Database(join(settings.DATA_DIR, 'redvest.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    return {
      count: async (sql, params = []) => Number(Object.values(db.prepare(sql).get(...params))[0]),
      integrity: async () => db.pragma('integrity_check', { simple: true }),
      close: async () => db.close(),
    };
  }
  const mysql = serverRequire('mysql2/promise');
  const connection = await mysql.createConnection(settings.DATABASE_URL);
  return {
    count: async (sql, params = []) => Number(Object.values((await connection.query(sql, params))[0][0])[0]),
    integrity: async () => 'ok',
    close: () => connection.end(),
  };
}

/** `npm run ledger:verify`'s command against the scenario's database: every chain and total. */
export function verifyLedger(settings) {
  const run = spawnSync(process.execPath, [join(ROOT, 'apps/server/dist/ledger/verify-cli.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...settings },
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}
