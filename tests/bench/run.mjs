// npm run bench [-- --full] [-- --only=checkin,ledger]: every benchmark on MariaDB and on the embedded
// engine, one table printed and the figures written to tests/bench/results/latest.json (the machine, the
// date, the commit). Ratios are measured within one run; each rate is the median of `rounds` rounds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, release } from 'node:os';
import { dirname, join } from 'node:path';
import { MYSQL_URL } from './support/database.mjs';
import { ROOT, serverRequire } from './support/paths.mjs';

const SUITES = ['checkin', 'api', 'ledger', 'reads', 'contact', 'embedded', 'exports', 'h5'];
const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 3);

async function machine() {
  let database = null;
  try {
    const connection = await serverRequire('mysql2/promise').createConnection(MYSQL_URL);
    database = (await connection.query('SELECT VERSION() AS v'))[0][0].v;
    await connection.end();
  } catch {
    database = null;
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    mariadb: database,
  };
}

const git = (...command) => {
  try {
    return execFileSync('git', command, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

const resultsFile = join(ROOT, 'tests/bench/results', full ? 'latest-full.json' : 'latest.json');
function save(report) {
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
}

const started = Date.now();
const report = {
  date: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  uncommittedChanges: Boolean(git('status', '--porcelain', '--untracked-files=no')),
  full,
  rounds,
  machine: await machine(),
  suites: {},
};
const table = [];
for (const name of SUITES.filter((s) => !only || only.includes(s))) {
  const suite = await import(`./${name}.bench.mjs`);
  const suiteStarted = Date.now();
  process.stderr.write(`${suite.title} …\n`);
  const figures = await suite.run({ full, rounds });
  report.suites[name] = { seconds: Math.round((Date.now() - suiteStarted) / 1000), figures };
  report.seconds = Math.round((Date.now() - started) / 1000);
  save(report); // each suite's figures as soon as they are measured
  table.push({ title: suite.title }, ...suite.rows(figures));
}

const width = (text) => [...String(text)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const pad = (text, n) => String(text) + ' '.repeat(Math.max(0, n - width(text)));
const cells = table.filter(Array.isArray);
const columns = Math.max(...cells.map((r) => r.length));
const widths = Array.from({ length: columns }, (_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
for (const row of table) {
  if (!Array.isArray(row)) console.log(`\n${row.title}`);
  else
    console.log(
      `  ${row
        .map((cell, i) => pad(cell ?? '', widths[i] + 2))
        .join('')
        .trimEnd()}`,
    );
}
console.log(
  `\n用时 ${report.seconds} 秒；${report.machine.cpus} 核，Node ${process.version}，${report.machine.mariadb ?? '无 MariaDB'}`,
);

console.log(`结果已写入 ${resultsFile}`);
process.exit(0);
