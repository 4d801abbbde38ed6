import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** Test databases are named so; nothing else is ever dropped. */
const PREFIX = 'redvest_t_';

export async function createTestDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  if (!name.startsWith(PREFIX)) throw new Error(`Refusing to drop ${name}: not a test database`);
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}
