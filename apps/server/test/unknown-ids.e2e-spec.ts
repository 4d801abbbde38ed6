import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { newId } from '../src/database/ids';
import { plausibleObject } from './fuzz/arbitraries';
import { FuzzWorld, startFuzzWorld } from './fuzz/fuzz-world';
import { ATTEMPT_TABLES, changedTables, checksumTables, TableChecksums } from './fuzz/table-checksum';
import { TestApp } from './harness';
import { registeredRoutes, RouteInput } from './registered-routes';

/** Well-formed bodies (and queries) sent with each unknown id, besides none at all. */
const SAMPLES = 3;
const SEED = 20261202;

const isIdParam = (name: string) => name === 'cid' || name.endsWith('Id');

jest.setTimeout(600_000);

/**
 * Every route with an id in its path, sent a well-formed id that names nothing, by a caller the route would
 * let in otherwise (the secretary of the community who is also the platform admin and a party member of its
 * contact group): the answer is a 4xx with the error shape, never a 5xx, and no table changes. Mostly 404
 * (the platform admin's routes in any community included); 403 for a community the caller is not a member
 * of (DESIGN §1), and 400 or 422 where the request is refused before the id is looked up.
 */
describe('unknown ids in the path', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let stop: (() => Promise<void>) | undefined;
  let routes: RouteInput[];

  beforeAll(async () => {
    ({ t, world, stop } = await startFuzzWorld());
    routes = registeredRoutes(t.app).filter((route) => route.params.some(isIdParam));
  });
  afterAll(async () => {
    await stop?.();
  });

  /**
   * Id fields named like a path parameter (`userId`) get the world's record, and those the world has none
   * for are left out: only the path's id is unknown.
   */
  function withKnownIds(url: string, fields: Record<string, unknown>): Record<string, unknown> {
    const known = { ...fields };
    for (const name of Object.keys(known).filter(isIdParam)) {
      try {
        known[name] = world.param(url, name);
      } catch {
        delete known[name];
      }
    }
    return known;
  }

  function samples(url: string, dto: RouteInput['body']): (Record<string, unknown> | undefined)[] {
    if (!dto) return [undefined];
    const wellFormed = plausibleObject(dto, world, 0, false).map((fields) => withKnownIds(url, fields));
    return [undefined, ...fc.sample(wellFormed, { numRuns: SAMPLES, seed: SEED })];
  }

  async function send(route: RouteInput, unknown: string, body?: unknown, query?: Record<string, unknown>) {
    const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
      name === unknown ? newId() : encodeURIComponent(world.param(route.url, name)),
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {}))
      for (const one of [value].flat())
        search.append(name, typeof one === 'string' ? one : JSON.stringify(one));
    const headers: Record<string, string> = {
      authorization: `Bearer ${world.caller.token}`,
      'idempotency-key': `unknown-id-${newId()}`,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await fetch(`${t.baseUrl}${path}${search.size ? `?${search}` : ''}`, {
      method: route.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = answer.headers.get('content-type') ?? '';
    return { status: answer.status, body: (type.includes('json') ? await answer.json() : null) as unknown };
  }

  /** What is wrong with an answer to a request with an unknown id, or null. */
  function fault(answer: { status: number; body: unknown }, changed: string[]): string | null {
    const error = (answer.body as { error?: { code?: ErrorCode; message?: unknown } } | null)?.error;
    if (answer.status < 400 || answer.status >= 500)
      return `answered ${answer.status}: ${JSON.stringify(answer.body)}`;
    const spec = error?.code ? ERROR_CATALOG[error.code] : undefined;
    if (spec?.status !== answer.status || typeof error?.message !== 'string')
      return `answered ${answer.status} without the error shape: ${JSON.stringify(answer.body)}`;
    return changed.length
      ? `answered ${answer.status} ${error.code} but changed ${changed.join(', ')}`
      : null;
  }

  it('answers 4xx with the error shape and changes nothing, never 5xx', async () => {
    expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    const answers = new Map<string, number>();
    let checksums: TableChecksums = await checksumTables(t.db);
    for (const route of routes) {
      const bodies = samples(route.url, route.body);
      const queries = samples(route.url, route.query);
      for (const unknown of route.params.filter(isIdParam)) {
        for (let i = 0; i < Math.max(bodies.length, queries.length); i++) {
          const [body, query] = [bodies[i % bodies.length], queries[i % queries.length]];
          const before = checksums;
          const answer = await send(route, unknown, body, query);
          checksums = await checksumTables(t.db);
          const changed = changedTables(before, checksums).filter((name) => !ATTEMPT_TABLES.includes(name));
          const code = (answer.body as { error?: { code?: string } } | null)?.error?.code ?? '';
          answers.set(`${answer.status} ${code}`, (answers.get(`${answer.status} ${code}`) ?? 0) + 1);
          const where = `${route.method} ${route.url}（:${unknown} 不存在；${JSON.stringify({ body, query })}）`;
          if (process.env.UNKNOWN_IDS_VERBOSE) console.log(`${where} → ${answer.status} ${code}`);
          const wrong = fault(answer, changed);
          if (wrong) failures.push(`${where} ${wrong}`);
        }
      }
    }
    const byAnswer = [...answers].sort().map(([answer, n]) => `${answer}×${n}`);
    console.log(
      `unknown ids（${t.db.isMysql ? 'MySQL' : 'SQLite'}）：${routes.length} 个接口；${byAnswer.join(' ')}`,
    );
    expect(failures).toEqual([]);
  });
});
