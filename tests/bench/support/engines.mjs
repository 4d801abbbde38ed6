// Every benchmark runs on both engines: a throwaway MariaDB database (when a server answers) and a
// fresh embedded file, each removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayMysql } from './database.mjs';

/** `measure(target)` on MariaDB, then on the embedded engine; answers `{ mariadb, embedded }`. */
export async function onEachEngine(label, measure) {
  const figures = {};
  const mariadb = await throwawayMysql(label);
  if (mariadb) {
    try {
      figures.mariadb = await measure({ kind: 'mysql', url: mariadb.url, name: mariadb.name });
    } finally {
      await mariadb.drop();
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), `redvest-bench-${label}-`));
  try {
    figures.embedded = await measure({ kind: 'sqlite', file: join(dataDir, 'redvest.sqlite'), dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

/** The server's configuration for a target. */
export const engineEnv = (target) =>
  target.kind === 'mysql' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir };

/** The labels of the table's rows, with the figures of each engine that ran. */
export const engines = (figures) =>
  [
    ['MariaDB', figures.mariadb],
    ['内嵌', figures.embedded],
  ].filter(([, f]) => f);
