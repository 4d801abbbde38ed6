import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads `.env` from the working directory when there is one; variables already set win. */
export function loadDotEnv(file = resolve(process.cwd(), '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
