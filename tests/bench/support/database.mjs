// The benchmarks' own way into a database the server has migrated: mysql2 for MariaDB/MySQL,
// better-sqlite3 for the embedded file; `query` answers rows for a SELECT, and runs anything else.
import { serverRequire } from './paths.mjs';

const mysql = serverRequire('mysql2/promise');
const Sqlite = serverRequire('better-sqlite3');

export const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** `2026-11-23 08:00:00.000`: a time as both databases take it in a plain INSERT. */
export const sqlTime = (date = new Date()) => date.toISOString().replace('T', ' ').replace('Z', '');

export async function openDatabase(target) {
  if (target.kind === 'mysql') {
    const pool = mysql.createPool({ uri: target.url, connectionLimit: 4 });
    return {
      kind: 'mysql',
      query: async (text, params = []) => (await pool.query(text, params))[0],
      close: () => pool.end(),
    };
  }
  const db = new Sqlite(target.file);
  db.pragma('busy_timeout = 10000');
  return {
    kind: 'sqlite',
    query: async (text, params = []) => {
      const statement = db.prepare(text);
      return statement.reader ? statement.all(params) : statement.run(params);
    },
    close: async () => db.close(),
  };
}

/** A throwaway MariaDB/MySQL database on the server at `serverUrl`, or null when none answers. */
export async function throwawayMysql(label, serverUrl = MYSQL_URL) {
  const name = `redvest_b_${label}_${Date.now().toString(36)}`;
  try {
    const connection = await mysql.createConnection(serverUrl);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
  } catch (error) {
    console.error(`(MariaDB/MySQL 不可用，跳过：${error.message})`);
    return null;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const connection = await mysql.createConnection(serverUrl);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
