import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Hand-written statements for the hot paths (every request's token check, 扫码签到, the ledger's append),
 * where building each query through TypeORM cost more CPU than the database spent answering it. The
 * column lists are built once per entity, and values go through the driver's own conversions (dates,
 * booleans, transformers), so a row reads and writes exactly as the entity would through TypeORM.
 */

const quote = (name: string) => `\`${name}\``;

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/** `a`.`id` AS `a_id`, … for every column of the entity, to be read back with `hydrate(…, alias)`. */
export function columnsOf(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = em.connection.getMetadata(entity);
  let byAlias = selectLists.get(metadata);
  if (!byAlias) selectLists.set(metadata, (byAlias = new Map()));
  let list = byAlias.get(alias);
  if (!list) {
    list = metadata.columns
      .map((c) => `${quote(alias)}.${quote(c.databaseName)} AS ${quote(`${alias}_${c.databaseName}`)}`)
      .join(', ');
    byAlias.set(alias, list);
  }
  return list;
}

/** The entity from a row selected with `columnsOf(…, alias)`. */
export function hydrate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  alias: string,
): T {
  const metadata = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns)
    out[column.propertyName] = driver.prepareHydratedValue(row[`${alias}_${column.databaseName}`], column);
  return out as T;
}

const insertHeads = new WeakMap<EntityMetadata, string>();

/**
 * One multi-row INSERT of whole entities, without the SELECT that TypeORM's insert sends afterwards to
 * read back defaults: every column is given.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = em.connection.getMetadata(entity);
  let head = insertHeads.get(metadata);
  if (!head) {
    head = `INSERT INTO ${quote(metadata.tableName)} (${metadata.columns.map((c) => quote(c.databaseName)).join(', ')}) VALUES `;
    insertHeads.set(metadata, head);
  }
  const driver = em.connection.driver;
  const tuple = `(${metadata.columns.map(() => '?').join(', ')})`;
  const values: unknown[] = [];
  for (const row of rows)
    for (const column of metadata.columns) {
      const value = row[column.propertyName];
      if (value === undefined) throw new Error(`${metadata.tableName}.${column.databaseName} not given`);
      values.push(driver.preparePersistentValue(value, column));
    }
  await em.query(head + rows.map(() => tuple).join(', '), values);
}

/** An UPDATE or DELETE inside a transaction; answers how many rows it changed. */
export async function execute(em: EntityManager, sql: string, values: unknown[]): Promise<number> {
  if (!em.queryRunner) throw new Error('execute() runs inside a transaction');
  const result = await em.queryRunner.query(sql, values, true);
  return result.affected ?? 0;
}
