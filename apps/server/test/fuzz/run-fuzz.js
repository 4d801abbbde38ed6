#!/usr/bin/env node
// `npm run test:fuzz`: the fuzz of every route alone, on SQLite (or MySQL with --mysql).
//   --full       200 runs per route (about 24,000 requests) instead of CI's 20
//   --runs N     N runs per route
//   --seed N     another seed (a failure prints the one to run again)
//   --mysql      on MySQL/MariaDB: TEST_MYSQL_URL, or root@127.0.0.1:3306
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const env = { ...process.env };
env.FUZZ_RUNS = valueOf('--runs') ?? (args.includes('--full') ? '200' : (env.FUZZ_RUNS ?? '20'));
if (valueOf('--seed')) env.FUZZ_SEED = valueOf('--seed');
if (args.includes('--mysql')) env.TEST_MYSQL_URL = env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306';
console.log(`fuzz：每个接口 ${env.FUZZ_RUNS} 次，${env.TEST_MYSQL_URL ? 'MySQL' : 'SQLite'}`);
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--runInBand', 'test/fuzz'], {
  cwd: join(__dirname, '../..'),
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
