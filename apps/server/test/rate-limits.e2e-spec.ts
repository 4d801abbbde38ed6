import { createHash } from 'node:crypto';
import { ErrorCode, Role } from '@redvest/contract';
import { errorOf } from './errors';
import { FakeWechat, fakeWechatEnv } from './fake-wechat';
import { ADMIN_ENV, ADMIN_OPENID, memberWith, newCommunity } from './fixtures';
import { startTestApp, startTwinApp, TestApp, unique } from './harness';
import { photo, WISH } from './wish-fixtures';
import { itOnMariaDb } from './databases';

interface Sent {
  token?: string;
  body?: unknown;
  /** The caller's address, as a proxy on this machine reports it (TRUST_PROXY believes loopback). */
  from?: string;
}

async function send(t: TestApp, method: string, path: string, { token, body, from }: Sent = {}) {
  return fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
}

/** Sends `times` requests one after another and returns their statuses. */
async function statuses(times: number, request: () => Promise<Response>): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < times; i++) answers.push((await request()).status);
  return answers;
}

async function expectLimited(response: Response, code = ErrorCode.RateLimited, windowSeconds: number) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  // A full window must end, and its weight then fall: at most two windows.
  expect(retryAfter).toBeLessThanOrEqual(2 * windowSeconds);
  const { error } = (await response.json()) as { error: { code: string; message: string; details: unknown } };
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/请 \d+ (秒|分钟|小时)后再试$/);
  expect(error.details).toEqual({ retryAfterSeconds: retryAfter });
}

const address = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

describe('abuse limits', () => {
  const wechat = new FakeWechat();
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ ...ADMIN_ENV, ...fakeWechatEnv(await wechat.start()) })));
  afterAll(() => t.close().finally(() => wechat.stop()));

  it('lets one address log in as one demo user 20 times a minute, others not affected', async () => {
    const from = address();
    const login = (openid: string, at = from) =>
      send(t, 'POST', '/api/auth/dev-login', { body: { openid }, from: at });
    const openid = unique('dev');
    expect(await statuses(20, () => login(openid))).toEqual(Array(20).fill(200));
    await expectLimited(await login(openid), ErrorCode.RateLimited, 60);
    expect((await login(unique('dev'))).status).toBe(200);
    expect((await login(openid, address())).status).toBe(200);
  });

  it('lets one address log in with WeChat 60 times a minute', async () => {
    const from = address();
    const login = () => {
      const code = unique('code');
      wechat.codes.set(code, unique('openid'));
      return send(t, 'POST', '/api/auth/wechat', { body: { code }, from });
    };
    expect(await statuses(60, login)).toEqual(Array(60).fill(200));
    await expectLimited(await login(), ErrorCode.RateLimited, 60);
  });

  it('lets a resident post 10 wishes or demands in ten minutes; the secretary posting for residents is not limited', async () => {
    const admin = await t.login(ADMIN_OPENID);
    const { community, secretary } = await newCommunity(t, admin);
    const resident = await memberWith(t, secretary, community.id, [Role.Resident]);
    const wish = () =>
      send(t, 'POST', `/api/communities/${community.id}/wishes`, { token: resident.token, body: WISH });
    const demand = () =>
      send(t, 'POST', `/api/communities/${community.id}/demands`, {
        token: resident.token,
        body: { category: '养老服务', text: '楼道灯坏了' },
      });
    const posted = [...(await statuses(7, wish)), ...(await statuses(3, demand))];
    expect(posted.every((status) => status < 300)).toBe(true);
    await expectLimited(await wish(), ErrorCode.RateLimited, 600);
    await expectLimited(await demand(), ErrorCode.RateLimited, 600);

    const forResident = () =>
      send(t, 'POST', `/api/communities/${community.id}/wishes`, {
        token: secretary.token,
        body: { ...WISH, onBehalfOf: resident.userId },
      });
    expect((await statuses(12, forResident)).every((status) => status === 201)).toBe(true);
  });

  it('lets a user upload 60 photos in ten minutes, a secretary entering paper wishes ten times as many', async () => {
    const user = await t.login(unique('uploader'));
    for (let i = 0; i < 60; i++) await user.uploads.photo(photo());
    const refused = await errorOf(user.uploads.photo(photo()));
    expect(refused).toMatchObject({ status: 429, code: ErrorCode.RateLimited });

    const { secretary } = await newCommunity(t, await t.login(ADMIN_OPENID));
    for (let i = 0; i < 70; i++) await secretary.uploads.photo(photo());
  });

  it('does not count refused requests: who waits as told gets in then', async () => {
    const from = address();
    const openid = unique('dev');
    const login = () => send(t, 'POST', '/api/auth/dev-login', { body: { openid }, from });
    await statuses(20, login);
    expect(await statuses(15, login)).toEqual(Array(15).fill(429));
    const subject = createHash('sha256').update(`ip:${from}|openid:${openid}`).digest('hex').slice(0, 32);
    const rows: { hits: number | string }[] = await t.dataSource.query(
      "SELECT hits FROM rate_limit_hits WHERE bucket = 'login-dev' AND subject = ?",
      [subject],
    );
    expect(rows.reduce((sum, row) => sum + Number(row.hits), 0)).toBe(20);
  });

  it('counts an IPv6 caller by its /64, which one subscriber holds whole', async () => {
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const openid = unique('dev');
    const login = (i: number) =>
      send(t, 'POST', '/api/auth/dev-login', {
        body: { openid },
        from: `${prefix}::${(i + 1).toString(16)}`,
      });
    for (let i = 0; i < 20; i++) expect((await login(i)).status).toBe(200);
    await expectLimited(await login(20), ErrorCode.RateLimited, 60);
    const elsewhere = await send(t, 'POST', '/api/auth/dev-login', {
      body: { openid },
      from: `2001:db8:ffff:2::1`,
    });
    expect(elsewhere.status).toBe(200);
  });

  it('lets one address look up 30 certificates a minute, found or not', async () => {
    const from = address();
    const lookup = () => send(t, 'GET', '/api/certificates/000000000000', { from });
    expect(await statuses(30, lookup)).toEqual(Array(30).fill(404));
    await expectLimited(await lookup(), ErrorCode.RateLimited, 60);
    expect((await send(t, 'GET', '/api/certificates/000000000000', { from: address() })).status).toBe(404);
  });

  it('lets a user issue 10 certificates in ten minutes', async () => {
    const user = await t.login(unique('issuer'));
    const issue = () =>
      send(t, 'POST', '/api/me/certificates', {
        token: user.token,
        body: { communityId: '00000000-0000-7000-8000-000000000000', from: '2026-01-01', to: '2026-06-30' },
      });
    expect((await statuses(10, issue)).every((status) => status !== 429)).toBe(true);
    await expectLimited(await issue(), ErrorCode.RateLimited, 600);
  });

  it('lets a user try 10 invite codes in ten minutes, looked up or joined with', async () => {
    const admin = await t.login(ADMIN_OPENID);
    const { community } = await newCommunity(t, admin);
    const guesser = await t.login(unique('guesser'));
    const lookup = () => send(t, 'GET', '/api/invites/WRONG234', { token: guesser.token });
    const join = () =>
      send(t, 'POST', `/api/communities/${community.id}/join`, {
        token: guesser.token,
        body: { inviteCode: 'WRONG234', realName: '王小明', phone: '13912345678' },
      });
    const tried = [...(await statuses(6, lookup)), ...(await statuses(4, join))];
    expect(tried.every((status) => status !== 429)).toBe(true);
    await expectLimited(await lookup(), ErrorCode.RateLimited, 600);
    await expectLimited(await join(), ErrorCode.RateLimited, 600);
  });

  it('answers the 11th wrong check-in code in ten minutes with Retry-After', async () => {
    const user = await t.login(unique('scanner'));
    const scan = () =>
      send(t, 'POST', '/api/checkins', { token: user.token, body: { token: 'A'.repeat(28) } });
    expect(await statuses(10, scan)).toEqual(Array(10).fill(400));
    await expectLimited(await scan(), ErrorCode.CheckinRateLimited, 600);
  });

  it('lets a user scan 60 times in ten minutes', async () => {
    const user = await t.login(unique('scanner'));
    // Malformed scans are refused by validation, after the scan limit counted them.
    const scan = () => send(t, 'POST', '/api/checkins', { token: user.token, body: {} });
    expect(await statuses(60, scan)).toEqual(Array(60).fill(400));
    await expectLimited(await scan(), ErrorCode.RateLimited, 600);
  });
});

describe('abuse limits across server processes', () => {
  itOnMariaDb(
    'count in the database: two servers on one MariaDB database share a counter exactly',
    async () => {
      const first = await startTestApp();
      const second = await startTwinApp(first);
      try {
        const openid = unique('shared');
        const from = address();
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            send(i % 2 ? second : first, 'POST', '/api/auth/dev-login', { body: { openid }, from }),
          ),
        );
        const byStatus = (status: number) => answers.filter((answer) => answer.status === status).length;
        expect({ ok: byStatus(200), limited: byStatus(429) }).toEqual({ ok: 20, limited: 20 });
      } finally {
        await second.close();
        await first.close();
      }
    },
  );
});
