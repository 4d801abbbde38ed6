// The mini-program's package sizes, from the build: `node config/scripts/weapp-size.mjs [dist/weapp]`.
// Every file under a subpackage root (app.json's subPackages) counts for that subpackage, every other file for
// the main package, which WeChat downloads before the first page shows. Exits 1 when the main package is over
// this project's budget, or a package or the whole over WeChat's own limits.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './workspace.mjs';

const KB = 1024;
const MB = 1024 * KB;
/** This project's budget for the main package (the aim is 600 KB); WeChat's limits are the other two. */
const MAIN_BUDGET = 800 * KB;
const WECHAT_PACKAGE_LIMIT = 2 * MB;
const WECHAT_TOTAL_LIMIT = 20 * MB;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Bytes per package: `main` and each subpackage root. */
function packageSizes(buildDir) {
  const app = JSON.parse(readFileSync(path.join(buildDir, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map(({ root }) => root.replace(/\/+$/, ''));
  const sizes = new Map([['main', 0], ...roots.map((root) => [root, 0])]);
  for (const file of filesUnder(buildDir)) {
    const relative = path.relative(buildDir, file).split(path.sep).join('/');
    const owner = roots.find((root) => relative.startsWith(`${root}/`)) ?? 'main';
    sizes.set(owner, sizes.get(owner) + statSync(file).size);
  }
  return sizes;
}

const bytes = (n) => `${n.toLocaleString('en-US')} bytes (${(n / KB).toFixed(1)} KB)`;

const buildDir = path.resolve(ROOT, process.argv[2] ?? 'apps/miniprogram/dist/weapp');
if (!existsSync(path.join(buildDir, 'app.json'))) {
  console.error(`no mini-program build at ${buildDir}: run npm run build:weapp first`);
  process.exit(1);
}
const sizes = packageSizes(buildDir);
const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
const problems = [];
const main = sizes.get('main');
if (main > MAIN_BUDGET) problems.push(`main package over the project's budget of ${bytes(MAIN_BUDGET)}`);
for (const [name, size] of sizes) {
  if (size > WECHAT_PACKAGE_LIMIT) problems.push(`${name} over WeChat's limit of 2 MB a package`);
}
if (total > WECHAT_TOTAL_LIMIT) problems.push(`the whole over WeChat's limit of 20 MB`);

console.log(`weapp main package (主包): ${bytes(main)}, budget ${bytes(MAIN_BUDGET)}`);
for (const [name, size] of sizes) if (name !== 'main') console.log(`  subpackage ${name}: ${bytes(size)}`);
console.log(`  total: ${bytes(total)} (WeChat: at most 2 MB a package, 20 MB in all)`);
for (const problem of problems) console.error(`too big: ${problem}`);
process.exit(problems.length ? 1 : 0);
