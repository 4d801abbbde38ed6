import { ErrorCode } from '@redvest/contract';
import { activity } from './checkin-fixtures';
import { ADMIN_ENV, ADMIN_OPENID, newCommunity } from './fixtures';
import { FAKE_PNG, FakeWechat } from './fake-wechat';
import { startTestApp, TestApp } from './harness';

describe('WeChat mini-program codes for check-in (wxacode.getUnlimited)', () => {
  let wechat: FakeWechat;
  let t: TestApp;
  let adminClient: Awaited<ReturnType<TestApp['login']>>;
  const admin = () => adminClient;

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    t = await startTestApp({ ...ADMIN_ENV, ...wechat.env });
    adminClient = await t.login(ADMIN_OPENID);
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  it('asks WeChat for a code with the check-in token as scene, reusing one cached access token', async () => {
    const { community, secretary } = await newCommunity(t, admin());
    const act = await activity(secretary, community.id);
    const fetchCode = () =>
      fetch(`${t.baseUrl}/api/activities/${act.id}/wxacode?kind=poster`, {
        headers: { authorization: `Bearer ${secretary.token}` },
      });
    const first = await fetchCode();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await first.arrayBuffer()).equals(FAKE_PNG)).toBe(true);
    await fetchCode();
    expect(wechat.issuedTokens).toEqual(['fake-token-1']);
    const request = wechat.posted.filter((p) => p.path === '/wxa/getwxacodeunlimit').at(-1)!;
    expect(request.body).toMatchObject({ page: 'pages/scan/index', check_path: false });
    expect(request.body.scene).toBe((await secretary.activities.code(act.id, 'poster')).token);
    expect(String(request.body.scene).length).toBeLessThanOrEqual(32);
  });

  it('fetches a new access token when WeChat says the cached one is no longer valid', async () => {
    const { community, secretary } = await newCommunity(t, admin());
    const act = await activity(secretary, community.id);
    await t.dataSource.query("UPDATE wechat_tokens SET token = 'revoked'");
    const failed = await fetch(`${t.baseUrl}/api/activities/${act.id}/wxacode`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe(
      ErrorCode.WechatUnavailable,
    );
    const retried = await fetch(`${t.baseUrl}/api/activities/${act.id}/wxacode`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(retried.status).toBe(200);
    expect(wechat.issuedTokens.length).toBeGreaterThanOrEqual(2);
  });
});

describe('without a WeChat app id', () => {
  it('answers 503 WECHAT_NOT_CONFIGURED for a mini-program code', async () => {
    const t = await startTestApp(ADMIN_ENV);
    try {
      const { community, secretary } = await newCommunity(t, await t.login(ADMIN_OPENID));
      const act = await activity(secretary, community.id);
      const response = await fetch(`${t.baseUrl}/api/activities/${act.id}/wxacode`, {
        headers: { authorization: `Bearer ${secretary.token}` },
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        ErrorCode.WechatNotConfigured,
      );
    } finally {
      await t.close();
    }
  });
});
