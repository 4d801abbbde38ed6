// A throwaway MySQL/MariaDB database for one benchmark run, or null when no server answers.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const mysql = createRequire(join(ROOT, 'apps/server/package.json'))('mysql2/promise');
export const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export async function throwawayDatabase(label) {
  const name = `redvest_t_${label}_${Date.now().toString(36)}`;
  try {
    const connection = await mysql.createConnection(MYSQL_URL);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
  } catch (error) {
    console.log(`(MySQL 不可用，跳过：${error.message})`);
    return null;
  }
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const connection = await mysql.createConnection(MYSQL_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
