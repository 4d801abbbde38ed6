import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Db } from '../../src/database/db';

export type TableChecksums = Map<string, string>;

/**
 * Tables that may change on a refused request, because they count attempts or cache what was fetched:
 * the rate limits' counters (a refused request counts too), WeChat access tokens.
 */
export const ATTEMPT_TABLES = ['rate_limit_hits', 'wechat_tokens'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** MySQL: CHECKSUM TABLE over every table, in one statement. */
async function mysqlChecksums(em: EntityManager): Promise<TableChecksums> {
  const tables = (await em.query('SHOW TABLES')) as Record<string, string>[];
  const names = tables.map((row) => Object.values(row)[0]);
  const rows = (await em.query(`CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')}`)) as {
    Table: string;
    Checksum: string | number | null;
  }[];
  return new Map(rows.map((row) => [row.Table.split('.').pop()!, String(row.Checksum)]));
}

/** SQLite: every row of every table, each value quoted, in one statement (the schema is read once). */
const sqliteStatements = new WeakMap<Db, string>();

async function sqliteStatement(db: Db, em: EntityManager): Promise<string> {
  const known = sqliteStatements.get(db);
  if (known) return known;
  const tables = (await em.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )) as { name: string }[];
  const parts: string[] = [];
  for (const { name } of tables) {
    const columns = (await em.query(`PRAGMA table_info("${name}")`)) as { name: string }[];
    const row = columns.map((c) => `quote("${c.name}")`).join(" || ',' || ");
    parts.push(
      `(SELECT group_concat(r, char(10)) FROM (SELECT ${row} AS r FROM "${name}" ORDER BY rowid)) AS "${name}"`,
    );
  }
  const statement = `SELECT ${parts.join(', ')}`;
  sqliteStatements.set(db, statement);
  return statement;
}

/** A checksum of every row of every table, computed from the database itself. */
export async function checksumTables(db: Db): Promise<TableChecksums> {
  return db.read(async (em) => {
    if (db.isMysql) return mysqlChecksums(em);
    const [row] = (await em.query(await sqliteStatement(db, em))) as Record<string, string | null>[];
    return new Map(Object.entries(row).map(([name, rows]) => [name, sha256(rows ?? '')]));
  });
}

/** The tables whose checksum differs. */
export function changedTables(before: TableChecksums, after: TableChecksums): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}
