import { createApiClient, fetchTransport } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { FAKE_APPID, FAKE_SECRET, FakeWechat } from './fake-wechat';
import { errorOf } from './errors';
import { startTestApp, TestApp } from './harness';

describe('login with WeChat', () => {
  let wechat: FakeWechat;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    t = await startTestApp({
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_API_BASE: wechat.baseUrl,
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  it('exchanges the wx.login code with code2Session and logs the user in', async () => {
    wechat.codes.set('code-1', 'openid-alice');
    const auth = await t.anonymous.auth.wechat({ code: 'code-1' });
    expect(auth.token).toEqual(expect.any(String));
    const request = wechat.requests.at(-1)!;
    expect(request.path).toBe('/sns/jscode2session');
    expect(request.query.get('js_code')).toBe('code-1');
    const me = await createApiClient(fetchTransport(t.baseUrl), { getToken: () => auth.token }).me.get();
    expect(me).toMatchObject({ id: auth.user.id, nickname: '微信用户', memberships: [] });
  });

  it('gives the same user for the same openid on the next login', async () => {
    wechat.codes.set('code-2', 'openid-bob');
    wechat.codes.set('code-3', 'openid-bob');
    const first = await t.anonymous.auth.wechat({ code: 'code-2' });
    const second = await t.anonymous.auth.wechat({ code: 'code-3' });
    expect(second.user.id).toBe(first.user.id);
  });

  it('refuses an invalid or used code with 401 WECHAT_CODE_INVALID', async () => {
    const error = await errorOf(t.anonymous.auth.wechat({ code: 'never-issued' }));
    expect(error).toMatchObject({
      status: 401,
      code: ErrorCode.WechatCodeInvalid,
      message: '微信登录凭证无效或已过期，请重试',
    });
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat fails', async () => {
    wechat.failWith = 502;
    try {
      wechat.codes.set('code-4', 'openid-carol');
      const error = await errorOf(t.anonymous.auth.wechat({ code: 'code-4' }));
      expect(error).toMatchObject({ status: 503, code: ErrorCode.WechatUnavailable });
    } finally {
      wechat.failWith = null;
    }
  });

  it('refuses an empty code with the validation error shape', async () => {
    const error = await errorOf(t.anonymous.auth.wechat({ code: '' }));
    expect(error).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
    expect(error.details).toEqual([{ field: 'code', message: '不能为空' }]);
  });
});

describe('login when WeChat cannot be reached or is not configured', () => {
  it('answers 503 WECHAT_UNAVAILABLE when the WeChat host does not answer', async () => {
    const t = await startTestApp({
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_API_BASE: 'http://127.0.0.1:9',
    });
    try {
      const error = await errorOf(t.anonymous.auth.wechat({ code: 'any' }));
      expect(error).toMatchObject({ status: 503, code: ErrorCode.WechatUnavailable });
    } finally {
      await t.close();
    }
  });

  it('answers 503 WECHAT_NOT_CONFIGURED without an app id, and dev-login is 404 when off', async () => {
    const t = await startTestApp({ AUTH_DEV_LOGIN: '0' });
    try {
      expect(await errorOf(t.anonymous.auth.wechat({ code: 'any' }))).toMatchObject({
        status: 503,
        code: ErrorCode.WechatNotConfigured,
      });
      expect(await errorOf(t.anonymous.auth.devLogin({ openid: 'demo-secretary' }))).toMatchObject({
        status: 404,
        code: ErrorCode.DevLoginDisabled,
      });
      expect(await t.anonymous.auth.options()).toEqual({ wechat: false, devLogin: false, demoUsers: [] });
    } finally {
      await t.close();
    }
  });
});

describe('bearer tokens', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers 401 UNAUTHENTICATED without a token', async () => {
    expect(await errorOf(t.anonymous.me.get())).toMatchObject({
      status: 401,
      code: ErrorCode.Unauthenticated,
      message: '请先登录',
    });
  });

  it('answers 401 TOKEN_INVALID for a forged or malformed token', async () => {
    const user = await t.login('token-user');
    const forged = `${user.token.slice(0, -4)}AAAA`;
    const client = createApiClient(fetchTransport(t.baseUrl), { getToken: () => forged });
    expect(await errorOf(client.me.get())).toMatchObject({ status: 401, code: ErrorCode.TokenInvalid });
    const raw = await fetch(`${t.baseUrl}/api/me`, { headers: { authorization: 'Basic abc' } });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ error: { code: 'TOKEN_INVALID', message: '登录已过期，请重新登录' } });
  });

  it('refuses a token signed with another secret', async () => {
    const other = await startTestApp();
    try {
      const stranger = await other.login('elsewhere');
      const client = createApiClient(fetchTransport(t.baseUrl), { getToken: () => stranger.token });
      expect(await errorOf(client.me.get())).toMatchObject({ status: 401, code: ErrorCode.TokenInvalid });
    } finally {
      await other.close();
    }
  });

  it('lists the demo users when dev login is on', async () => {
    const options = await t.anonymous.auth.options();
    expect(options.devLogin).toBe(true);
    expect(options.demoUsers.map((u) => u.openid)).toEqual([
      'demo-secretary',
      'demo-branch',
      'demo-member-1',
      'demo-member-2',
      'demo-member-3',
      'demo-volunteer',
      'demo-resident',
    ]);
  });
});
