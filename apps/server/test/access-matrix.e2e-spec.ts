import { ErrorCode, policyFor, Role, RouteAccess, ROUTE_POLICIES } from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { accessWorld, AccessWorld, CALLERS, Caller } from './access-fixtures';
import { ACCESS_MATRIX, Expected } from './access-matrix';
import { accessProbes, Probe } from './access-probes';
import { FakeWechat } from './fake-wechat';
import { TokenService } from '../src/auth/token.service';
import { User } from '../src/users/user.entity';
import { ADMIN_ENV, ADMIN_OPENID, LoggedIn } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { registeredRoutes } from './registered-routes';

jest.setTimeout(300_000);

type Answer = { status: number; code?: string };

/** The codes of the guard's refusals (DESIGN §1). */
const REFUSALS: Record<401 | 403 | 404, string[]> = {
  401: [ErrorCode.Unauthenticated],
  403: [ErrorCode.Forbidden, ErrorCode.NotCommunityMember],
  404: [ErrorCode.NotFound],
};

/** What the route table alone says the guard does with this caller (before any rule of the route itself). */
function tableSays(access: RouteAccess, loggedIn: boolean, admin: boolean, roles: Set<Role> | null) {
  if (access.access === 'public') return 'in';
  if (!loggedIn) return 401;
  if (access.access === 'user') return 'in';
  if (access.access === 'platform_admin') return admin ? 'in' : 403;
  const byRole = roles !== null && access.roles.some((role) => roles.has(role));
  if (access.access === 'community') return byRole || (access.platformAdminToo && admin) ? 'in' : 403;
  if (roles === null) return 404;
  return byRole ? 'in' : 403;
}

/**
 * The access matrix (test/access-matrix.ts): every route the server registers, called as each of nine callers in
 * a real community with real records, against a table of expected answers written apart from the route table
 * the guard enforces. Runs in `npm test` (SQLite) and `npm run test:mysql` (MariaDB).
 */
describe('access matrix: every route × every kind of caller', () => {
  let t: TestApp;
  let wechat: FakeWechat;
  let w: AccessWorld;
  let probes: Record<string, Probe>;
  const roles = new Map<Caller, Set<Role> | null>();
  const admins = new Set<Caller>();

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    t = await startTestApp({ ...ADMIN_ENV, ...wechat.env });
    const started = Date.now();
    w = await accessWorld(t, await t.login(ADMIN_OPENID));
    probes = accessProbes(w);
    for (const caller of CALLERS) {
      const client = w.callers[caller];
      if (!client) continue;
      const me = await client.me.get();
      const membership = me.memberships.find((m) => m.communityId === w.cid);
      roles.set(caller, membership ? effectiveRoles(membership.roles) : null);
      if (me.isPlatformAdmin) admins.add(caller);
    }
    console.log(`access matrix: the community and its records in ${Date.now() - started} ms`);
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  it('has a row and a probe for exactly the routes the app registers, which are the route table’s', () => {
    const registered = registeredRoutes(t.app)
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    const rows = Object.keys(ACCESS_MATRIX).sort();
    expect({ missingFromMatrix: registered.filter((r) => !ACCESS_MATRIX[r]) }).toEqual({
      missingFromMatrix: [],
    });
    expect({ notRegistered: rows.filter((r) => !registered.includes(r)) }).toEqual({ notRegistered: [] });
    expect(Object.keys(ROUTE_POLICIES).sort()).toEqual(registered);
    expect(Object.keys(probes).sort()).toEqual(rows);
  });

  it('agrees with the route table the guard reads, cell by cell', () => {
    const disagreements: string[] = [];
    for (const [route, row] of Object.entries(ACCESS_MATRIX)) {
      const [method, path] = route.split(' ');
      const policy = policyFor(method, path)!;
      for (const caller of CALLERS) {
        const table = tableSays(
          policy.access,
          caller !== 'anonymous',
          admins.has(caller),
          roles.get(caller) ?? null,
        );
        const expected = row[caller];
        const agrees = table === 'in' ? expected === 'ok' || expected === 'own' : expected === table;
        if (!agrees) disagreements.push(`${route} as ${caller}: matrix ${expected}, route table ${table}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('answers every route as the matrix says, for every caller', async () => {
    const started = Date.now();
    let requests = 0;
    const wrong: string[] = [];
    const call = async (route: string, probe: Omit<Probe, 'own'>, who: LoggedIn | null): Promise<Answer> => {
      requests++;
      const method = route.split(' ')[0];
      const headers: Record<string, string> = { ...probe.headers?.() };
      if (who) headers.authorization = `Bearer ${who.token}`;
      if (probe.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${t.baseUrl}${probe.path}`, {
        method,
        headers,
        body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
      });
      const text = await response.text();
      const code = response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(text) as { error?: { code?: string } }).error?.code
        : undefined;
      return { status: response.status, code };
    };
    const denied = (answer: Answer) => [401, 403, 404].includes(answer.status);
    const meets = (answer: Answer, expected: Expected) => {
      if (answer.status >= 500) return false;
      if (expected === 'ok') return !denied(answer);
      if (expected === 'own') return answer.status === 403 || answer.status === 404;
      return answer.status === expected && REFUSALS[expected].includes(answer.code ?? '');
    };
    const secondLogin = async (who: LoggedIn): Promise<LoggedIn> => {
      const user = await t.db.read((em) => em.findOneByOrFail(User, { id: who.userId }));
      return { ...who, token: t.app.get(TokenService).issue(user) };
    };
    const routes = Object.keys(ACCESS_MATRIX);
    const ordered = [...routes].sort((a, b) => (probes[a].last ?? 0) - (probes[b].last ?? 0));
    for (const route of ordered) {
      const row = ACCESS_MATRIX[route];
      const probe = probes[route];
      for (const caller of CALLERS) {
        const login = w.callers[caller];
        const who = login && probe.secondLogin ? await secondLogin(login) : login;
        const answer = await call(route, probe, who);
        if (!meets(answer, row[caller]))
          wrong.push(
            `${route} as ${caller}: expected ${row[caller]}, got ${answer.status} ${answer.code ?? ''}`,
          );
        if (row[caller] === 'own' && probe.own && who) {
          const mine = await call(route, probe.own(who), who);
          if (!meets(mine, 'ok'))
            wrong.push(
              `${route} as ${caller} on their own: expected ok, got ${mine.status} ${mine.code ?? ''}`,
            );
        }
      }
    }
    console.log(
      `access matrix: ${Object.keys(ACCESS_MATRIX).length} routes × ${CALLERS.length} callers, ${requests} requests in ${Date.now() - started} ms`,
    );
    expect(wrong).toEqual([]);
  });
});
