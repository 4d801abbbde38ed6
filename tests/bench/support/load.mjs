import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./load-worker.mjs', import.meta.url));

/**
 * Sends every request once from an outside process, `connections` at a time. Every response must have
 * the expected status: a benchmark that times refusals measures nothing.
 * `requests`: [{ method, path, token?, body? }].
 */
export async function load(base, requests, { connections, expect = [200, 201] }) {
  const folder = mkdtempSync(join(tmpdir(), 'redvest-load-'));
  const jobFile = join(folder, 'job.json');
  writeFileSync(jobFile, JSON.stringify({ base, connections, requests }));
  try {
    const stdout = await new Promise((resolve, reject) =>
      execFile(process.execPath, [WORKER, jobFile], { maxBuffer: 16 << 20 }, (error, out, err) =>
        error ? reject(new Error(`load generator failed: ${err || error.message}`)) : resolve(out),
      ),
    );
    const result = JSON.parse(stdout);
    const unexpected = Object.entries(result.statuses).filter(([status]) => !expect.includes(Number(status)));
    if (unexpected.length || result.errors || result.timeouts || result.requests !== requests.length)
      throw new Error(
        `${requests[0].method} ${requests[0].path}: unexpected answers ${JSON.stringify(result)}`,
      );
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
