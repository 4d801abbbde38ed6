import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** A package as the server resolves it (mysql2, better-sqlite3). */
export const serverRequire = createRequire(join(ROOT, 'apps/server/package.json'));
/** A module of the built server (`apps/server/dist`). */
export const serverModule = (path) => serverRequire(join(ROOT, 'apps/server/dist', path));
