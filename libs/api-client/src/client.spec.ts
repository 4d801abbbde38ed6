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

  it('tells a person in plain words when an answer is not ours (a gateway page, an empty 500)', async () => {
    for (const [status, message] of [
      [502, '服务器暂时连不上，请稍后再试（502）'],
      [500, '服务器出了点问题，请稍后再试（500）'],
      [404, '这次没有办成，请稍后再试（404）'],
    ] as const) {
      const { transport } = recordingTransport(status, '<html><body>Bad Gateway</body></html>');
      await expect(createApiClient(transport).me.get()).rejects.toMatchObject({
        status,
        code: ErrorCode.Internal,
        message,
      });
    }
  });
});

describe('a request the database was too busy for', () => {
  const busy = { status: 503, data: { error: { code: 'DATABASE_BUSY', message: '系统繁忙，请稍后再试' } } };
  function answering(...answers: { status: number; data: unknown }[]) {
    const sent: HttpRequest[] = [];
    const transport: Transport = {
      send: async (request) => {
        sent.push(request);
        return answers[Math.min(sent.length - 1, answers.length - 1)];
      },
      upload: async () => answers[0],
    };
    return { sent, client: createApiClient(transport, { busyRetryDelayMs: 0 }) };
  }

  it('is sent again, with the same idempotency key, and its answer is the one returned', async () => {
    const { sent, client } = answering(busy, { status: 201, data: { id: 'r1' } });
    await expect(client.rewards.redeem('g1', 1, 'key-1')).resolves.toEqual({ id: 'r1' });
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
  });

  it('sends a batch of approvals again with the same body, and returns the retry’s answer', async () => {
    // The server decides a batch as one unit: after 503 DATABASE_BUSY nothing of it was written.
    const results = [{ transferId: 't1', ok: true }];
    const { sent, client } = answering(busy, { status: 200, data: { results } });
    const body = { transferIds: ['t1'], action: 'approve' as const };
    await expect(client.approvals.batch('c1', body)).resolves.toEqual({ results });
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/api/communities/c1/approvals/batch', body],
      ['POST', '/api/communities/c1/approvals/batch', body],
    ]);
  });

  it('shows the error after two more tries, and other errors at once', async () => {
    const stillBusy = answering(busy);
    await expect(stillBusy.client.me.get()).rejects.toMatchObject({
      status: 503,
      code: ErrorCode.DatabaseBusy,
    });
    expect(stillBusy.sent).toHaveLength(3);
    const down = answering({
      status: 503,
      data: { error: { code: 'DATABASE_UNAVAILABLE', message: '数据服务暂时不可用' } },
    });
    await expect(down.client.me.get()).rejects.toMatchObject({ code: ErrorCode.DatabaseUnavailable });
    expect(down.sent).toHaveLength(1);
  });
});
