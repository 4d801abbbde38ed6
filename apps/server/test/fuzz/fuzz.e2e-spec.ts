import { ERROR_CATALOG, ErrorCode, policyFor, Role, ROUTE_POLICIES } from '@redvest/contract';
import { isSafeText } from '@redvest/domain';
import fc from 'fast-check';
import { FAKE_PNG } from '../fake-wechat';
import { TestApp } from '../harness';
import { bodyFor, jsonOf, queryFor, shortHostileString } from './arbitraries';
import { FuzzWorld, startFuzzWorld } from './fuzz-world';
import { registeredRoutes, RouteInput } from '../registered-routes';
import { ATTEMPT_TABLES, changedTables, checksumTables, TableChecksums } from './table-checksum';

/** 20 runs per route in CI; `npm run test:fuzz -- --full` runs 200 per route (about 24,000 requests). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/**
 * Routes that end the callers' login, membership or account: fuzzed last, in this order, as the routes
 * after them would lose their callers. Any other route that does so fails the test.
 */
const ENDS_THE_CALLER = [
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/communities/:cid/leave',
  'DELETE /api/me',
];
const lastIfEndingTheCaller = (route: RouteInput) => ENDS_THE_CALLER.indexOf(`${route.method} ${route.url}`);

jest.setTimeout(Math.max(600_000, RUNS * 120 * 200));

interface FuzzRequest {
  asResident?: boolean;
  body?: { contentType?: string; payload: string | FormData };
  query: string;
  param?: [string, string];
  idempotencyKey?: string;
}

const RAW_BODIES = [
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: '{"a":' },
  { contentType: 'application/json', payload: '{"__proto__":{"isAdmin":true}}' },
  { contentType: 'application/json', payload: '{"constructor":{"prototype":{"isAdmin":true}}}' },
  { contentType: 'application/json', payload: '"just a string"' },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&a=2&b[c]=3' },
  { contentType: 'application/xml', payload: '<a/>' },
];

const form = fc
  .record({
    fields: fc.integer({ min: 0, max: 14 }),
    file: fc.constantFrom(FAKE_PNG, Buffer.from('not a picture'), Buffer.alloc(0), null),
  })
  .map(({ fields, file }) => {
    const data = new FormData();
    for (let i = 0; i < fields; i++) data.append(`field${i}`, `value${i}`);
    if (file) data.append('file', new Blob([file]), 'file.png');
    return { payload: data };
  });

/** Routes open to a plain resident by the route table: fuzzed as the resident half the time. */
function residentsMayCall(route: RouteInput): boolean {
  const access = policyFor(route.method, route.url)?.access;
  if (!access) return false;
  if (access.access === 'public' || access.access === 'user') return true;
  return 'roles' in access && access.roles.includes(Role.Resident);
}

function requestFor(route: RouteInput, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const json = bodyFor(route.body, world).map((body) =>
    body === undefined ? undefined : { contentType: 'application/json', payload: jsonOf(body) },
  );
  const body =
    route.method === 'GET'
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 12, arbitrary: json },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
          { weight: 1, arbitrary: form },
        );
  return fc.record(
    {
      asResident: residentsMayCall(route) ? fc.boolean() : fc.constant(false),
      body,
      query: queryFor(route.query, route.queryNames, world),
      param: route.params.length
        ? fc.oneof(
            { weight: 9, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...route.params), shortHostileString) },
          )
        : fc.constant(undefined),
      idempotencyKey: fc.oneof(fc.uuid(), fc.stringMatching(/^[!-~]{1,300}$/)),
    },
    { requiredKeys: ['asResident', 'body', 'query'] },
  );
}

/** A value as it may be printed: long strings cut, so a failure stays readable. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value, (_, one: unknown) =>
      typeof one === 'string' && one.length > 120 ? `${one.slice(0, 40)}…（共 ${one.length} 个字符）` : one,
    );
  } catch {
    return '（嵌套过深，无法显示）';
  }
}

/** fast-check's report of a failed route (the cause names it), with the seed to run it again (FUZZ_SEED) and a short counterexample. */
function report() {
  return (details: fc.RunDetails<[FuzzRequest]>) => {
    if (!details.failed) return;
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      [
        cause,
        `种子 seed=${details.seed} path=${details.counterexamplePath}（FUZZ_SEED=${details.seed} 重跑）`,
        `请求：${shown(details.counterexample?.[0]).slice(0, 3000)}`,
      ].join('\n'),
    );
  };
}

/** A string of an answer that holds control or reordering characters: something stored that should not be. */
function unsafeTextIn(value: unknown): string | undefined {
  const pending = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string' && !isSafeText(next, { multiline: true })) return next;
    if (next && typeof next === 'object' && !(next instanceof ArrayBuffer))
      pending.push(...Object.values(next));
  }
  return undefined;
}

/** A path segment as a client would send it; a lone surrogate as the bytes it cannot be. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\ud800-\udfff]/g, '%ED%A0%80');
  }
}

describe('fuzzed input on every route', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let stop: (() => Promise<void>) | undefined;
  let routes: RouteInput[];

  beforeAll(async () => {
    ({ t, world, stop } = await startFuzzWorld());
    routes = registeredRoutes(t.app).sort((a, b) => lastIfEndingTheCaller(a) - lastIfEndingTheCaller(b));
  });
  afterAll(async () => {
    await stop?.();
  });

  it('finds every route the app serves, with what each reads', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(ROUTE_POLICIES).sort());
    expect(routes.filter((r) => r.body).length).toBeGreaterThan(40);
  });

  async function send(route: RouteInput, request: FuzzRequest) {
    const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
      segment(request.param?.[0] === name ? request.param[1] : world.param(route.url, name)),
    );
    const caller = request.asResident ? world.resident : world.caller;
    const headers: Record<string, string> = { authorization: `Bearer ${caller.token}` };
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    if (request.body?.contentType) headers['content-type'] = request.body.contentType;
    const answer = await fetch(`${t.baseUrl}${path}${request.query ? `?${request.query}` : ''}`, {
      method: route.method,
      headers,
      body: request.body?.payload,
    });
    const type = answer.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json') ? await answer.json() : await answer.arrayBuffer();
    return { status: answer.status, body };
  }

  it('never answers 5xx; refuses bad input with 4xx, the error shape, and no change to any table; stores no unsafe text', async () => {
    const started = Date.now();
    const statuses = new Map<number, number>();
    const answers = new Map<string, number>();
    let checksums: TableChecksums = await checksumTables(t.db);
    for (const route of routes) {
      await world.logInAgainIfLoggedOut(); // the logout routes end the callers' tokens
      checksums = await checksumTables(t.db);
      await fc.assert(
        fc.asyncProperty(requestFor(route, world), async (request) => {
          const before = checksums;
          const { status, body } = await send(route, request);
          checksums = await checksumTables(t.db);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const where = `${route.method} ${route.url}`;
          const code = (body as { error?: { code?: string } }).error?.code ?? '';
          const seen = `${where} ${status} ${code}`;
          answers.set(seen, (answers.get(seen) ?? 0) + 1);
          if (status >= 500) throw new Error(`${where} answered ${status}: ${JSON.stringify(body)}`);
          if (status < 400) {
            const unsafe = unsafeTextIn(body);
            if (unsafe !== undefined)
              throw new Error(`${where} answered ${status} with unsafe text ${JSON.stringify(unsafe)}`);
            return;
          }
          const error = (body as { error?: { code?: ErrorCode; message?: string } }).error;
          const spec = error?.code ? ERROR_CATALOG[error.code] : undefined;
          if (!spec || Object.keys(body as object).join() !== 'error' || typeof error?.message !== 'string')
            throw new Error(`${where} answered ${status} without the error shape: ${JSON.stringify(body)}`);
          if (spec.status !== status)
            throw new Error(
              `${where} answered ${status} with ${error!.code}, whose status is ${spec.status}`,
            );
          const changed = changedTables(before, checksums).filter((name) => !ATTEMPT_TABLES.includes(name));
          if (changed.length)
            throw new Error(`${where} answered ${status} ${error!.code} but changed ${changed.join(', ')}`);
        }),
        { numRuns: RUNS, seed: SEED, reporter: report() },
      );
      const hurt = lastIfEndingTheCaller(route) < 0 ? await world.callersHurt() : null;
      if (hurt)
        throw new Error(
          `${route.method} ${route.url}: ${hurt}; if it is meant to, list it in ENDS_THE_CALLER`,
        );
    }
    if (process.env.FUZZ_VERBOSE) console.log([...answers].map(([seen, n]) => `${seen} ×${n}`).join('\n'));
    const cases = [...statuses.values()].reduce((a, b) => a + b, 0);
    const database = t.db.isMysql ? 'MySQL' : 'SQLite';
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(
      `fuzz（${database}，种子 ${SEED}）：${routes.length} 个接口 × ${RUNS} 次 = ${cases} 个请求，` +
        `${Math.round((Date.now() - started) / 1000)} 秒；${byStatus}`,
    );
  });
});
