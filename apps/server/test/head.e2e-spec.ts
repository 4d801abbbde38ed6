import { ErrorCode } from '@redvest/contract';
import { startTestApp, TestApp } from './harness';

/** A load balancer probes with HEAD: every GET route answers it as GET would, without the body. */
describe('HEAD requests', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await t.login('head-prober')).token;
  });
  afterAll(() => t.close());

  const head = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, { method: 'HEAD', headers });

  it('answers HEAD /healthz with 200 and no body', async () => {
    const answer = await head('/healthz');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    expect(await answer.text()).toBe('');
  });

  it('answers HEAD on a public and a logged-in route as GET does', async () => {
    expect((await head('/api/privacy')).status).toBe(200);
    expect((await head('/api/me', { authorization: `Bearer ${token}` })).status).toBe(200);
    const anonymous = await head('/api/me');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('');
    const get = await fetch(`${t.baseUrl}/api/me`);
    expect(await get.json()).toMatchObject({ error: { code: ErrorCode.Unauthenticated } });
  });

  it('answers HEAD on an unknown path with 404', async () => {
    expect((await head('/api/nothing-here')).status).toBe(404);
  });
});
