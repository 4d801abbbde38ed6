import { ErrorCode } from '@redvest/contract';
import { createApiClient } from './client';
import { ApiError, buildUrl, HttpRequest, Transport } from './transport';

/** A transport that records what the client asks for (the server's own answers are covered by its e2e tests). */
function recordingTransport(status: number, data: unknown) {
  const sent: HttpRequest[] = [];
  const transport: Transport = {
    send: async (request) => {
      sent.push(request);
      return { status, data };
    },
    upload: async () => ({ status, data }),
  };
  return { sent, transport };
}

describe('the api client', () => {
  it('builds URLs with encoded query values and drops empty ones', () => {
    expect(buildUrl('http://h/', '/api/x', { a: '1 2', b: undefined, c: '' })).toBe('http://h/api/x?a=1%202');
  });

  it('sends the bearer token and the body', async () => {
    const { sent, transport } = recordingTransport(200, { ok: true });
    const client = createApiClient(transport, { getToken: () => 't0k' });
    await client.communities.setMember('c1', { userId: 'u1', roles: [] });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/api/communities/c1/members',
      headers: { authorization: 'Bearer t0k' },
      body: { userId: 'u1', roles: [] },
    });
  });

  it('turns the error shape into an ApiError and tells onError', async () => {
    const { transport } = recordingTransport(403, {
      error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' },
    });
    const seen: ApiError[] = [];
    const client = createApiClient(transport, { onError: (e) => seen.push(e) });
    await expect(client.me.get()).rejects.toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
      message: '您没有权限进行此操作',
    });
    expect(seen).toHaveLength(1);
  });
});
