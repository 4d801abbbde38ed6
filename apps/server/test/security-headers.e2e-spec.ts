import { startTestApp, TestApp } from './harness';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const expectHardened = (response: Response) => {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  };

  it('are on every answer: health, API, errors, unknown routes', async () => {
    for (const [path, status] of [
      ['/healthz', 200],
      ['/api/auth/options', 200],
      ['/api/me', 401],
      ['/api/no-such-route', 404],
    ] as const) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.status).toBe(status);
      expectHardened(response);
    }
  });

  it('send HSTS only when the request came over TLS through the proxy', async () => {
    const plain = await fetch(`${t.baseUrl}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('serve the API docs outside production', async () => {
    const docs = await fetch(`${t.baseUrl}/api/docs/openapi.json`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('API docs in production', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '0' })));
  afterAll(() => t.close());

  it('are not served unless API_DOCS=1', async () => {
    for (const path of ['/api/docs', '/api/docs/openapi.json']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
    }
  });
});
