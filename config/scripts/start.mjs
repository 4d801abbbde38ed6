// `npm start`: installs what is missing, builds what is missing, then runs the server, which migrates
// the database, seeds the demo community and serves the API and the H5 pages. With `--cluster`
// (`npm run start:cluster`) it runs several server processes on one port instead (MySQL only).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, mtime, newestMtime, ROOT, run } from './workspace.mjs';

ensureInstalled();

const envFile = join(ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
// The embedded demo turns on the demo login and data; production (NODE_ENV=production) never does.
const embeddedDemo = !process.env.DATABASE_URL && process.env.NODE_ENV !== 'production';
const env = { ...process.env };
if (embeddedDemo) {
  env.AUTH_DEV_LOGIN ??= '1';
  env.DEMO_SEED ??= '1';
}

run('npm', ['run', 'build:libs', '--silent']);
run('npm', ['run', 'build', '--silent', '--workspace=@redvest/server']);

const h5Index = join(ROOT, 'apps/miniprogram/dist/h5/index.html');
const h5Sources = Math.max(
  newestMtime(join(ROOT, 'apps/miniprogram/src')),
  newestMtime(join(ROOT, 'apps/miniprogram/config')),
  newestMtime(join(ROOT, 'libs')),
);
if (mtime(h5Index) < h5Sources) {
  console.log('正在构建 H5 页面……');
  run('npm', ['run', 'build:h5', '--silent']);
}

const entry = process.argv.includes('--cluster') ? 'cluster.js' : 'main.js';
const server = spawn(process.execPath, [join(ROOT, 'apps/server/dist', entry)], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
