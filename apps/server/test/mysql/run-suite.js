#!/usr/bin/env node
// `npm run test:mysql`: the server's whole test suite against MySQL/MariaDB. Each test file creates its
// own database (redvest_t_…) on this server and drops it when done.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const url = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306';
console.log(`MySQL 测试服务器：${url.replace(/\/\/[^@]*@/, '//***@')}`);
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--runInBand', ...process.argv.slice(2)], {
  cwd: join(__dirname, '../..'),
  stdio: 'inherit',
  env: { ...process.env, TEST_MYSQL_URL: url },
});
process.exit(result.status ?? 1);
