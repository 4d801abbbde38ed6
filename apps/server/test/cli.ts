import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TestApp } from './harness';

/** Runs a built command (`dist/<script>`) on the test app's SQLite data folder: what it printed and its exit status. */
export function runCommand(t: TestApp, script: string): { output: string; status: number } {
  const env = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: '' };
  try {
    return {
      output: execFileSync(process.execPath, [join(__dirname, '../dist', script)], { env, encoding: 'utf8' }),
      status: 0,
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { output: failed.stdout, status: failed.status };
  }
}
