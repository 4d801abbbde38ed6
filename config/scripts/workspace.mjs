// Helpers for the one-command scripts; only Node's own modules, since they run before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: false, ...options });
  if (result.status !== 0) {
    console.error(`\n命令失败：${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

/** The newest modification time under a folder (skipping dependencies and build output). */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Installs the dependencies when they are missing or older than the lock file. */
export function ensureInstalled() {
  const installed = join(ROOT, 'node_modules/.package-lock.json');
  if (mtime(installed) >= mtime(join(ROOT, 'package-lock.json'))) return;
  console.log('正在安装依赖（npm ci），首次约需两三分钟……');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
