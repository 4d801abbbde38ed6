import { ErrorCode } from '@redvest/contract';
import { connect } from 'node:net';
import { MAX_NESTING_DEPTH } from '../src/common/input-limits';
import { ADMIN_ENV, ADMIN_OPENID, csvFile, LoggedIn, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';

/** Body size, nesting and form limits answer 4xx with the error shape, before login, and change nothing. */
describe('input limits', () => {
  let t: TestApp;
  let secretary: LoggedIn;
  let communityId: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    const admin = await t.login(ADMIN_OPENID);
    ({
      secretary,
      community: { id: communityId },
    } = await newCommunity(t, admin));
  });
  afterAll(() => t.close());

  const post = (path: string, body: string | FormData, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: typeof body === 'string' ? { 'content-type': 'application/json', ...headers } : headers,
    });
  const codeOf = async (answer: Response) =>
    ((await answer.json()) as { error: { code: ErrorCode } }).error.code;
  const asSecretary = () => ({ authorization: `Bearer ${secretary.token}` });
  const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it('refuses deeply nested JSON with 400 on a public route and a logged-in one, before the guard', async () => {
    for (const body of [arrays(5000), objects(5000), arrays(MAX_NESTING_DEPTH + 1)]) {
      for (const [path, headers] of [
        ['/api/auth/dev-login', {}],
        [`/api/communities/${communityId}/rewards`, asSecretary()],
        [`/api/communities/${communityId}/rewards`, {}],
      ] as const) {
        const answer = await post(path, body, headers);
        expect({ path, status: answer.status, body: await answer.json() }).toEqual({
          path,
          status: 400,
          body: { error: expect.objectContaining({ code: ErrorCode.NestingTooDeep }) },
        });
      }
    }
    expect((await secretary.rewards.list(communityId, true)).items).toEqual([]);
  });

  it('lets nesting up to the limit through to validation', async () => {
    const answer = await post(
      `/api/communities/${communityId}/rewards`,
      arrays(MAX_NESTING_DEPTH),
      asSecretary(),
    );
    expect(answer.status).toBe(400);
    expect(await codeOf(answer)).toBe(ErrorCode.ValidationFailed);
  });

  it('answers a body over 1 MB with 413 and the error shape', async () => {
    const answer = await post('/api/auth/dev-login', JSON.stringify({ openid: 'x'.repeat(1_100_000) }));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({
      error: { code: ErrorCode.PayloadTooLarge, message: expect.any(String) },
    });
  });

  it('answers a URL or headers Node cannot read in the error shape too: 431 when too long, 400 when broken', async () => {
    const long = await fetch(`${t.baseUrl}/api/privacy?q=${'长'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(await long.json()).toEqual({
      error: { code: ErrorCode.RequestTooLarge, message: expect.any(String) },
    });
    const { port } = new URL(t.baseUrl);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain(`"code":"${ErrorCode.MalformedRequest}"`);
  });

  const png = () => new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' });
  const fields = (form: FormData, count: number) => {
    for (let i = 0; i < count; i++) form.append(`field${i}`, 'x');
    return form;
  };

  it('answers a form with more than 10 fields with 413, whether the fields come before or after the file', async () => {
    const before = fields(new FormData(), 12);
    before.append('file', png(), 'a.png');
    const after = new FormData();
    after.append('file', png(), 'a.png');
    fields(after, 12);
    const sheet = csvFile('小区,楼栋,单元,楼层,房号\n甲小区,1栋,,1,101');
    const importing = fields(new FormData(), 12);
    importing.append('file', sheet.data, sheet.filename);
    for (const [path, form] of [
      ['/api/uploads', before],
      ['/api/uploads', after],
      [`/api/communities/${communityId}/households/import`, importing],
    ] as const) {
      const answer = await post(path, form, asSecretary());
      expect({ path, status: answer.status, code: await codeOf(answer) }).toEqual({
        path,
        status: 413,
        code: ErrorCode.PayloadTooLarge,
      });
    }
    expect((await secretary.communities.households(communityId)).items).toEqual([]);
  });

  it('answers two files with 413 and a broken form with 400', async () => {
    const two = new FormData();
    two.append('file', png(), 'a.png');
    two.append('other', png(), 'b.png');
    const answer = await post('/api/uploads', two, asSecretary());
    expect(answer.status).toBe(413);
    const broken = await fetch(`${t.baseUrl}/api/uploads`, {
      method: 'POST',
      headers: { ...asSecretary(), 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
    });
    expect([broken.status, await codeOf(broken)]).toEqual([400, ErrorCode.MultipartInvalid]);
    const noBoundary = await fetch(`${t.baseUrl}/api/uploads`, {
      method: 'POST',
      headers: { ...asSecretary(), 'content-type': 'multipart/form-data' },
      body: 'whatever',
    });
    expect(noBoundary.status).toBe(400);
  });
});
