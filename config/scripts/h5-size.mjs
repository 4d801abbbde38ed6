// The JavaScript a first visit to the H5 pages loads before 首页 shows, gzipped: the scripts of index.html and
// the chunks the router loads for the first page (app.config.ts's first page), as listed by the build in
// dist/h5-pages.json. `node config/scripts/h5-size.mjs [dist/h5]`; exits 1 over the budget.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './workspace.mjs';

const KB = 1024;
/** This project's budget for the first load (the aim is 200 KB gzip). */
const FIRST_LOAD_BUDGET = 250 * KB;
const FIRST_PAGE = 'pages/home/index';

const buildDir = path.resolve(ROOT, process.argv[2] ?? 'apps/miniprogram/dist/h5');
const manifestFile = path.join(buildDir, '..', 'h5-pages.json');
if (!existsSync(path.join(buildDir, 'index.html')) || !existsSync(manifestFile)) {
  console.error(`no H5 build at ${buildDir}: run npm run build:h5 first`);
  process.exit(1);
}

/** What index.html loads itself: its <script src> in order. */
const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8');
const indexScripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+)"/g)].map((match) => match[1]);
const { pages } = JSON.parse(readFileSync(manifestFile, 'utf8'));
const pageScripts = (pages[FIRST_PAGE] ?? []).filter(
  (file) => file.endsWith('.js') && !indexScripts.includes(file),
);

/** Bytes as the server sends them: the build's .gz and .br copies (scripts/precompress.mjs), made here when missing. */
function sizes(file) {
  const full = path.join(buildDir, file);
  const content = readFileSync(full);
  const copy = (ext, compress) =>
    existsSync(full + ext) ? statSync(full + ext).size : compress(content).length;
  return {
    raw: content.length,
    gzip: copy('.gz', (data) => gzipSync(data, { level: 9 })),
    br: copy('.br', (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

const sum = (files) =>
  files
    .map(sizes)
    .reduce(
      (total, one) => ({ raw: total.raw + one.raw, gzip: total.gzip + one.gzip, br: total.br + one.br }),
      {
        raw: 0,
        gzip: 0,
        br: 0,
      },
    );
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const line = ({ raw, gzip, br }) =>
  `${kb(gzip)} gzip (${gzip.toLocaleString('en-US')} bytes; br ${kb(br)}, raw ${kb(raw)})`;

const index = sum(indexScripts);
const page = sum(pageScripts);
const firstLoad = sum([...indexScripts, ...pageScripts]);
console.log(`H5 first-load JavaScript: ${line(firstLoad)}, budget ${kb(FIRST_LOAD_BUDGET)} gzip`);
console.log(`  index.html's ${indexScripts.length} scripts: ${line(index)}`);
console.log(`  ${FIRST_PAGE}'s ${pageScripts.length} chunks: ${line(page)}`);
if (!pages[FIRST_PAGE]) {
  console.error(`dist/h5-pages.json lists no ${FIRST_PAGE}: is it still the first page?`);
  process.exit(1);
}
if (firstLoad.gzip > FIRST_LOAD_BUDGET) {
  console.error(`too big: the first load is over the budget of ${kb(FIRST_LOAD_BUDGET)} gzip`);
  process.exit(1);
}
