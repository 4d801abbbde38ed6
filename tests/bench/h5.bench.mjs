// The H5 build's first render on a phone: the production server (embedded engine) serving apps/miniprogram/dist/h5,
// a secretary already logged in (a token in the page's storage), 首页 opened in headless Chromium at 390×844 (×3),
// first with an empty cache and then again with the cache the first visit filled, `rounds` times each, on the
// machine's own network and throttled to Chrome DevTools' "Fast 4G" preset. Each load reports what crossed the
// network (compressed bytes, requests), first contentful paint, the frame in which 首页's tiles (drawn only once
// /api/me answered) were first on screen, DOMContentLoaded and load; every response must be below 400, every
// content-hashed file must come with `immutable` and the second visit must download none of them again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openDatabase } from './support/database.mjs';
import { ROOT } from './support/paths.mjs';
import { seedCommunity, tokenMaker } from './support/seed.mjs';
import { runSecrets, startServer } from './support/server-process.mjs';
import { median } from './support/stats.mjs';

const H5_INDEX = join(ROOT, 'apps/miniprogram/dist/h5/index.html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMMUNITY = '压测社区';
/** Drawn by 首页 only once /api/me answered with a membership: the page's real content. */
const CONTENT = '.home-tiles .home-tile';
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page is done when nothing has been in flight for this long after its content showed. */
const QUIET_MS = 500;
const progress = (text) => process.stderr.write(`  [H5] ${text}\n`);

/**
 * Chrome DevTools' "Fast 4G" (Puppeteer's PredefinedNetworkConditions['Fast 4G']): 9 Mbit/s down and 1.5 Mbit/s
 * up, each × 0.9, and 60 ms RTT × 2.75 as the latency DevTools adds to every request.
 */
const FAST_4G = {
  offline: false,
  downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9,
  latency: 60 * 2.75,
  connectionType: 'cellular4g',
};
const NETWORKS = { local: null, fast4g: FAST_4G };

export const title = 'H5 首次渲染（生产构建，无头 Chromium，390×844 ×3，内嵌库）';

export async function run({ rounds }) {
  if (!existsSync(CHROMIUM)) return { skipped: `没有 ${CHROMIUM}（Debian: apt-get install -y chromium）` };
  const build = ensureBuild();
  if (build.skipped) return build;

  const secrets = runSecrets();
  const dataDir = mkdtempSync(join(tmpdir(), 'redvest-bench-h5-'));
  let server = null;
  let browser = null;
  try {
    server = await startServer({ ...secrets, DATA_DIR: dataDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const sql = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'redvest.sqlite') });
    const seeded = await seedCommunity(sql, { count: 20, roles: ['party_member'], name: COMMUNITY });
    await sql.close();
    const token = tokenMaker(secrets.APP_SECRET)(seeded.secretaryId);

    const loads = Object.fromEntries(Object.keys(NETWORKS).map((name) => [name, { cold: [], warm: [] }]));
    // The networks take turns round by round, so that neither gets the machine at its quieter moments.
    for (let r = 0; r < rounds; r++) {
      for (const [name, conditions] of Object.entries(NETWORKS)) {
        const context = await phoneContext(browser, server.base, token);
        try {
          const cold = await measureLoad(context, server.base, conditions);
          const warm = await measureLoad(context, server.base, conditions);
          checkCaching(cold, warm);
          loads[name].cold.push(cold);
          loads[name].warm.push(warm);
          progress(`${name} ${r + 1}: cold ${describe(cold)}; warm ${describe(warm)}`);
        } finally {
          await context.close();
        }
      }
    }
    return {
      build,
      fast4g: FAST_4G,
      ...Object.fromEntries(
        Object.entries(loads).map(([name, { cold, warm }]) => [
          name,
          { cold: summarise(cold), warm: summarise(warm) },
        ]),
      ),
    };
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The existing build as it is (its age is reported), or one `npm run build:h5` on a clean clone. */
function ensureBuild() {
  if (existsSync(H5_INDEX)) return { built: false, builtAt: statSync(H5_INDEX).mtime.toISOString() };
  progress('apps/miniprogram/dist/h5 is missing: npm run build:h5 (once, about a minute)');
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0 || !existsSync(H5_INDEX))
    return { skipped: `npm run build:h5 失败（退出码 ${result.status ?? result.signal}），未测` };
  return {
    built: true,
    builtAt: statSync(H5_INDEX).mtime.toISOString(),
    buildSeconds: Math.round((performance.now() - started) / 1000),
  };
}

/** A new phone: its own empty cache and connections, the secretary's token where the app keeps it. */
function phoneContext(browser, base, token) {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // Taro.setStorageSync keeps a value as {"data": …} in localStorage.
    storageState: {
      cookies: [],
      origins: [{ origin: base, localStorage: [{ name: 'token', value: JSON.stringify({ data: token }) }] }],
    },
  });
}

/**
 * Before the page's own scripts: the time of the first frame after 首页's tiles entered the document (a
 * MutationObserver notes them, the next requestAnimationFrame is the frame that draws them).
 */
function watchForContent(selector) {
  const found = () => {
    if (window.__contentShownAt !== undefined || !document.querySelector(selector)) return false;
    window.__contentShownAt = null;
    requestAnimationFrame(() => (window.__contentShownAt = performance.now()));
    return true;
  };
  const observer = new MutationObserver(() => found() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
}

/** One visit of `/` in a new tab of `context`: every request as the network saw it, and the page's timings. */
async function measureLoad(context, base, conditions) {
  const page = await context.newPage();
  await page.addInitScript(watchForContent, CONTENT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);

  const requests = new Map();
  /** The status that came over the wire, by request: responseReceived reports a revalidated file's 304 as the
   * cached 200, and this event may come before the request's own. */
  const wireStatus = new Map();
  let lastActivity = performance.now();
  const entry = (id) => {
    lastActivity = performance.now();
    return requests.get(id);
  };
  cdp.on('Network.requestWillBeSent', ({ requestId, request, redirectResponse }) => {
    lastActivity = performance.now();
    // Icons inlined as data: URLs are reported as requests too, but never reach the network.
    if (request.url.startsWith('data:')) return;
    // A redirect is one more round trip the page should not need: it counts as a failed answer.
    const redirected = redirectResponse && requests.get(requestId);
    if (redirected)
      requests.set(`${requestId}:${redirected.url}`, {
        ...redirected,
        done: true,
        failed: `redirected (${redirectResponse.status})`,
      });
    requests.set(requestId, {
      id: requestId,
      url: request.url,
      method: request.method,
      done: false,
      bytes: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const r = entry(requestId);
    if (r) r.fromCache = true;
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const r = entry(requestId);
    if (!r) return;
    const header = (name) =>
      Object.entries(response.headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
    Object.assign(r, {
      answered: response.status,
      fromCache: r.fromCache || response.fromDiskCache || response.fromPrefetchCache,
      cacheControl: header('cache-control'),
      encoding: header('content-encoding'),
    });
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    lastActivity = performance.now();
    wireStatus.set(requestId, statusCode);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = entry(requestId);
    if (r) Object.assign(r, { done: true, bytes: encodedDataLength });
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText, canceled }) => {
    const r = entry(requestId);
    if (r) Object.assign(r, { done: true, failed: canceled ? 'canceled' : errorText });
  });

  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page
    .locator(CONTENT)
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 })
    .catch(async (error) => {
      throw new Error(`首页 did not show its tiles: ${error.message}\n${await page.content()}`);
    });
  await page.getByText(COMMUNITY, { exact: true }).first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => typeof window.__contentShownAt === 'number');
  // Whatever the page fetches after its content (none today) belongs to the visit too.
  while ([...requests.values()].some((r) => !r.done) || performance.now() - lastActivity < QUIET_MS)
    await new Promise((resolve) => setTimeout(resolve, 50));

  // Times from the navigation's start. Not responseStart: under emulated conditions the network's own timings
  // leave out the latency DevTools adds while delivering the answer.
  const timings = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
    return {
      fcpMs: paint('first-contentful-paint'),
      contentMs: window.__contentShownAt,
      domContentLoadedMs: navigation.domContentLoadedEventEnd,
      loadMs: navigation.loadEventEnd,
    };
  });
  await cdp.detach();
  await page.close();

  const all = [...requests.values()].map((r) => ({ ...r, status: wireStatus.get(r.id) ?? r.answered }));
  const broken = all.filter((r) => r.failed || !(r.status < 400));
  if (broken.length)
    throw new Error(
      `the page load had failed answers:\n${broken.map((r) => `${r.method} ${r.url}: ${r.status ?? r.failed}`).join('\n')}`,
    );
  const downloaded = all.filter((r) => !r.fromCache);
  const sum = (list) => list.reduce((total, r) => total + r.bytes, 0);
  const isApi = (r) => new URL(r.url).pathname.startsWith('/api/');
  return {
    requests: all,
    ...timings,
    requestCount: all.length,
    downloadedCount: downloaded.length,
    fromCacheCount: all.length - downloaded.length,
    bytes: sum(downloaded),
    pageBytes: sum(downloaded.filter((r) => !isApi(r))),
    apiBytes: sum(downloaded.filter(isApi)),
    notModifiedCount: all.filter((r) => r.status === 304).length,
  };
}

/**
 * Hashed files: Brotli and `immutable` on the first visit (the bytes counted are the compressed ones), taken from
 * the cache, not the network, on the second.
 */
function checkCaching(cold, warm) {
  const hashed = (load) => load.requests.filter((r) => HASHED.test(new URL(r.url).pathname));
  const firstVisit = hashed(cold);
  if (firstVisit.length < 3)
    throw new Error(`only ${firstVisit.length} content-hashed files on the first visit`);
  const wrong = firstVisit.filter((r) => r.cacheControl !== IMMUTABLE || r.encoding !== 'br' || r.fromCache);
  if (wrong.length)
    throw new Error(
      `hashed files not sent as Brotli with ${IMMUTABLE} (or cached before the first visit):\n` +
        wrong.map((r) => `${r.url}: ${r.encoding}, ${r.cacheControl}, from cache ${r.fromCache}`).join('\n'),
    );
  const again = hashed(warm).filter((r) => !r.fromCache);
  if (again.length)
    throw new Error(`the second visit downloaded hashed files again:\n${again.map((r) => r.url).join('\n')}`);
  const missing = firstVisit.filter((r) => !hashed(warm).some((w) => w.url === r.url));
  if (missing.length)
    throw new Error(`the second visit did not load:\n${missing.map((r) => r.url).join('\n')}`);
}

const describe = (load) =>
  `${load.bytes} B in ${load.downloadedCount}/${load.requestCount} requests, FCP ${Math.round(load.fcpMs)} ms, ` +
  `content ${Math.round(load.contentMs)} ms, load ${Math.round(load.loadMs)} ms`;

/** The median of each figure over the rounds. */
function summarise(loads) {
  const pick = (key) => median(loads.map((load) => load[key]));
  const ms = (key) => Math.round(pick(key));
  return {
    bytes: pick('bytes'),
    pageBytes: pick('pageBytes'),
    apiBytes: pick('apiBytes'),
    requests: pick('requestCount'),
    downloaded: pick('downloadedCount'),
    fromCache: pick('fromCacheCount'),
    notModified: pick('notModifiedCount'),
    fcpMs: ms('fcpMs'),
    contentMs: ms('contentMs'),
    domContentLoadedMs: ms('domContentLoadedMs'),
    loadMs: ms('loadMs'),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function rows(figures) {
  if (figures.skipped) return [['跳过', figures.skipped]];
  const builtAt = figures.build.builtAt.slice(0, 16).replace('T', ' ');
  const build = figures.build.built
    ? `本次先运行 npm run build:h5（${figures.build.buildSeconds} 秒）`
    : `已有的 dist/h5（${builtAt} UTC 构建）`;
  const labels = { local: '本机网络', fast4g: 'Fast 4G（每个请求 +165 ms，下行 8.1 Mbit/s）' };
  const visits = { cold: '首次打开（空缓存）', warm: '再次打开（缓存已热）' };
  return [
    ['构建', build],
    ...Object.entries(labels).flatMap(([network, label]) =>
      Object.entries(visits).map(([visit, name]) => {
        const f = figures[network][visit];
        return [
          `${label} ${name}`,
          `传输 ${kb(f.bytes)}（接口 ${kb(f.apiBytes)}），${f.downloaded}/${f.requests} 个请求经网络` +
            (f.notModified ? `（${f.notModified} 个 304）` : ''),
          `FCP ${f.fcpMs} ms，首页内容 ${f.contentMs} ms`,
          `DOMContentLoaded ${f.domContentLoadedMs} ms，load ${f.loadMs} ms`,
        ];
      }),
    ),
  ];
}
