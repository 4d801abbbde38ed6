// The built server (`apps/server/dist/main.js`) as its own process on a free port, as production runs it,
// with what the benchmarks read off it: its CPU time (from /proc) and, when asked, a V8 CPU profile.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../faults/server-process.mjs';
import { ROOT } from './paths.mjs';

const MAIN = join(ROOT, 'apps/server/dist/main.js');
const PROFILE_PRELOAD = new URL('./cpu-profile-preload.mjs', import.meta.url).href;
const CLOCK_TICKS_PER_SECOND = 100;

/** Secrets for one run: random, so nothing here is a secret anyone keeps. */
export const runSecrets = () => ({
  APP_SECRET: randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
});

/** CPU milliseconds (user + system) a process has used so far. */
export function cpuMillis(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The local MariaDB server's process id, when there is one. */
export function databasePid() {
  try {
    return (
      Number(execFileSync('pidof', ['mariadbd', 'mysqld'], { encoding: 'utf8' }).trim().split(/\s+/)[0]) ||
      null
    );
  } catch {
    return null;
  }
}

/**
 * Starts the server and waits for /healthz. `env` is the whole configuration (PATH aside): production
 * unless it says otherwise, scheduled jobs off so that only the requests measured run.
 */
export async function startServer(env, { profileFile } = {}) {
  const port = await freePort();
  const args = profileFile ? ['--import', PROFILE_PRELOAD, MAIN] : [MAIN];
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: mkdtempSync(join(tmpdir(), 'redvest-bench-cwd-')),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      JOBS_INTERVAL_SECONDS: '0',
      ...(profileFile ? { BENCH_PROFILE_FILE: profileFile } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy)
      return {
        base,
        pid: child.pid,
        cpuMillis: () => cpuMillis(child.pid),
        /** With `profileFile`: the first call starts the profiler, the second writes the profile. */
        toggleProfile: () => child.kill('SIGWINCH'),
        output: () => output,
        stop,
      };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`server not healthy in time:\n${output}`);
}
