import { createApiClient, fetchTransport } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { errorOf } from './errors';
import { startTestApp, startTwinApp, TestApp, unique } from './harness';
import { itOnMariaDb } from './databases';

const DAY = 24 * 3600;

describe('login tokens', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const as = (app: TestApp, token: string) =>
    createApiClient(fetchTransport(app.baseUrl), { getToken: () => token });
  const refused = async (app: TestApp, token: string) =>
    expect(await errorOf(as(app, token).me.get())).toMatchObject({
      status: 401,
      code: ErrorCode.TokenInvalid,
    });

  /** A token signed with the server's own secret, so only its claims can be wrong. */
  const forge = (claims: Record<string, unknown>, options: { expiresIn?: number } = {}) =>
    new JwtService({ secret: t.config.appSecret }).sign(claims, {
      algorithm: 'HS256',
      issuer: 'redvest',
      ...options,
    });

  it('退出登录 ends this login only; the user’s other phone stays logged in', async () => {
    const openid = unique('user');
    const phone = await t.login(openid);
    const tablet = await t.login(openid);
    await phone.auth.logout();
    await refused(t, phone.token);
    expect((await tablet.me.get()).id).toBe(tablet.userId);
    // Ending it twice is no error for the client that still holds it: it is already refused.
    await refused(t, phone.token);
  });

  it('退出所有设备 ends every login of the user, and a new login works', async () => {
    const openid = unique('user');
    const phone = await t.login(openid);
    const tablet = await t.login(openid);
    const other = await t.login(unique('other'));
    await tablet.auth.logoutAll();
    await refused(t, phone.token);
    await refused(t, tablet.token);
    expect((await other.me.get()).id).toBe(other.userId);
    const again = await t.login(openid);
    expect((await again.me.get()).id).toBe(phone.userId);
  });

  it('needs a login to log out', async () => {
    expect(await errorOf(t.anonymous.auth.logout())).toMatchObject({
      status: 401,
      code: ErrorCode.Unauthenticated,
    });
    expect(await errorOf(t.anonymous.auth.logoutAll())).toMatchObject({ status: 401 });
  });

  it('refuses tokens without an expiry, with too long a life, without an id or generation, or expired', async () => {
    const user = await t.login(unique('user'));
    const good = { sub: user.userId, gen: 0 };
    await refused(t, forge(good, {}));
    await refused(t, forge({ ...good, jti: randomUUID() }));
    await refused(t, forge({ ...good, jti: randomUUID() }, { expiresIn: 31 * DAY }));
    await refused(t, forge({ sub: user.userId, jti: randomUUID() }, { expiresIn: DAY }));
    await refused(t, forge({ ...good, jti: randomUUID() }, { expiresIn: -10 }));
    await refused(t, forge({ ...good, gen: 1, jti: randomUUID() }, { expiresIn: DAY }));
    // The same claims with a proper life are accepted: only the refused parts made the difference.
    expect((await as(t, forge({ ...good, jti: randomUUID() }, { expiresIn: DAY })).me.get()).id).toBe(
      user.userId,
    );
  });

  it('issues tokens that last 30 days and carry an id', async () => {
    const user = await t.login(unique('user'));
    const claims = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims.exp - claims.iat).toBe(30 * DAY);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.gen).toBe(0);
  });
});

describe('login tokens across server processes', () => {
  itOnMariaDb('are refused by every server the moment one of them ends them', async () => {
    const first = await startTestApp();
    const second = await startTwinApp(first);
    try {
      const openid = unique('user');
      const phone = await first.login(openid);
      const tablet = await second.login(openid);
      const onSecond = (token: string) =>
        createApiClient(fetchTransport(second.baseUrl), { getToken: () => token });
      expect((await onSecond(phone.token).me.get()).id).toBe(phone.userId);

      await phone.auth.logout();
      expect(await errorOf(onSecond(phone.token).me.get())).toMatchObject({ code: ErrorCode.TokenInvalid });
      expect((await onSecond(tablet.token).me.get()).id).toBe(tablet.userId);

      await tablet.auth.logoutAll();
      const onFirst = createApiClient(fetchTransport(first.baseUrl), { getToken: () => tablet.token });
      expect(await errorOf(onFirst.me.get())).toMatchObject({ code: ErrorCode.TokenInvalid });
    } finally {
      await second.close();
      await first.close();
    }
  });
});
