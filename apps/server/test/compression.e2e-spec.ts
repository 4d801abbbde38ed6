import { ErrorCode } from '@redvest/contract';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { publishedWish, wishCommunity } from './wish-fixtures';
import { describeWithApp } from './world';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, not decompressed. */
  body: Buffer;
}

/** A GET with node:http, which (unlike fetch) hands over the body exactly as the server sent it. */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (answer: RawAnswer): Buffer =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A small H5 build as Taro and scripts/precompress.mjs leave it: hashed scripts and styles, with .br and .gz. */
function fakeH5Build(): { dir: string; files: Record<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), 'redvest-h5-'));
  const script = Buffer.from(`console.log(${JSON.stringify('红马甲 '.repeat(400))});\n`);
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(
      `<!doctype html><html lang="zh-CN"><head><title>红马甲</title><script defer src="/js/app.0a1b2c3d.js"></script>` +
        `<link href="/css/app.4e5f6a7b.css" rel="stylesheet"></head><body><div id="app"></div>${'<!-- -->'.repeat(200)}</body></html>`,
    ),
    'js/app.0a1b2c3d.js': script,
    'css/app.4e5f6a7b.css': Buffer.from('.rv-card{padding:12px;color:#c8161d}\n'.repeat(60)),
    'js/app.0a1b2c3d.js.LICENSE.txt': Buffer.from('/*! license of a bundled package */\n'.repeat(60)),
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  for (const name of ['index.html', 'js/app.0a1b2c3d.js', 'css/app.4e5f6a7b.css']) {
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(files[name]));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(files[name], { level: 9 }));
  }
  return { dir, files };
}

describe('the H5 pages: precompressed copies and cache headers', () => {
  let t: TestApp;
  const build = fakeH5Build();
  beforeAll(async () => (t = await startTestApp({ H5_DIR: build.dir })));
  afterAll(async () => {
    await t?.close();
    rmSync(build.dir, { recursive: true, force: true });
  });

  it('sends a hashed script as its .br or .gz copy, as the browser accepts, kept for a year', async () => {
    const br = await get(t.baseUrl, '/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    // The build's own copy, not one compressed on the way out.
    expect(br.body).toEqual(readFileSync(join(build.dir, 'js/app.0a1b2c3d.js.br')));
    expect(decoded(br)).toEqual(build.files['js/app.0a1b2c3d.js']);

    const gzip = await get(t.baseUrl, '/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toEqual(readFileSync(join(build.dir, 'js/app.0a1b2c3d.js.gz')));

    const plain = await get(t.baseUrl, '/js/app.0a1b2c3d.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(build.files['js/app.0a1b2c3d.js']);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    const style = await get(t.baseUrl, '/css/app.4e5f6a7b.css', { 'accept-encoding': 'br' });
    expect(style.headers['content-encoding']).toBe('br');
    expect(style.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('has index.html checked at every visit, compressed, with the security headers', async () => {
    for (const path of ['/', '/index.html']) {
      const page = await get(t.baseUrl, path, { 'accept-encoding': 'br, gzip' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(decoded(page)).toEqual(build.files['index.html']);
    }
    // Unchanged since the last visit: a 304 without the page.
    const first = await get(t.baseUrl, '/', { 'accept-encoding': 'br' });
    const again = await get(t.baseUrl, '/', {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('compresses an unhashed text file that has no precompressed copy, and has it checked each time', async () => {
    const license = await get(t.baseUrl, '/js/app.0a1b2c3d.js.LICENSE.txt', { 'accept-encoding': 'gzip' });
    expect(license.status).toBe(200);
    expect(license.headers['content-encoding']).toBe('gzip');
    expect(license.headers['cache-control']).toBe('no-cache');
    expect(decoded(license)).toEqual(build.files['js/app.0a1b2c3d.js.LICENSE.txt']);
  });

  it('answers a missing file with the error shape, not a cached page', async () => {
    const missing = await get(t.baseUrl, '/js/app.ffffffff.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(decoded(missing).toString())).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});

describe('a server closing after compressed answers', () => {
  it('closes at once though the client has not read them: none is still being compressed', async () => {
    for (let i = 0; i < 20; i++) {
      const t = await startTestApp();
      const answer = await fetch(`${t.baseUrl}/api/docs/openapi.json`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(answer.headers.get('content-encoding')).toBe('gzip');
      const closing = Date.now();
      await t.close();
      // Waiting for a connection that was busy would take Fastify's keep-alive timeout, 72 s.
      expect(Date.now() - closing).toBeLessThan(5000);
    }
  }, 120_000);
});

describeWithApp('API answers: compressed when large enough, downloads as they are', (w) => {
  it('compresses JSON above 1 KB with brotli or gzip, and leaves small answers alone', async () => {
    const plain = await get(w.t.baseUrl, '/api/privacy');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip']) {
      const answer = await get(w.t.baseUrl, '/api/privacy', { 'accept-encoding': encoding });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/application\/json/);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.body.length).toBeLessThan(plain.body.length);
      expect(JSON.parse(decoded(answer).toString())).toEqual(JSON.parse(plain.body.toString()));
    }
    const small = await get(w.t.baseUrl, '/healthz', { 'accept-encoding': 'br, gzip' });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('does not unpack a compressed request body: it is refused with the error shape', async () => {
    const answer = await fetch(`${w.t.baseUrl}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ openid: 'zipped-body' })),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: ErrorCode.InvalidJson } });
  });

  it('sends spreadsheets and PDFs uncompressed, whatever the browser accepts', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const auth = { authorization: `Bearer ${secretary.token}`, 'accept-encoding': 'br, gzip' };
    const sheet = await get(w.t.baseUrl, secretary.audit.exportPath(community.id), auth);
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    expect(sheet.headers['content-encoding']).toBeUndefined();
    expect(sheet.body.subarray(0, 2).toString()).toBe('PK');

    const { resident, member } = await wishCommunity(w.t, secretary, community.id);
    const wish = await publishedWish(secretary, resident, community.id);
    await member.wishes.claim(wish.id);
    await member.wishes.fulfil(wish.id, { note: '已上门修好' });
    await resident.wishes.confirm(wish.id, { rating: 5 });
    const letter = await get(w.t.baseUrl, `/api/wishes/${wish.id}/letter`, auth);
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-encoding']).toBeUndefined();
    expect(letter.body.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
