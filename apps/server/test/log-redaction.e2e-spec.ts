import { createApiClient, fetchTransport } from '@redvest/api-client';
import { PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_OPENID } from './fixtures';
import { runningServer, ServerProcess } from './server-process';
import { photo } from './wish-fixtures';

const PHONE = '13912345601';
const ID_NUMBER = '110101199003078515';

describe('the request log at level info', () => {
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'redvest-log-'));
    server = await runningServer({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      AUTH_DEV_LOGIN: '1',
      PLATFORM_ADMIN_OPENIDS: ADMIN_OPENID,
    });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (openid: string) => {
    const { token } = await createApiClient(fetchTransport(server.baseUrl)).auth.devLogin({ openid });
    return Object.assign(createApiClient(fetchTransport(server.baseUrl), { getToken: () => token }), {
      token,
    });
  };

  it('shows paths and query keys, never phones, ID numbers, photo signatures or invite codes', async () => {
    const admin = await login(ADMIN_OPENID);
    const community = await admin.communities.create({ name: '日志社区' });
    const secretary = await login('log-secretary');
    const me = await secretary.me.get();
    await secretary.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    const invitation = await admin.communities.invite(community.id, {
      userId: me.id,
      roles: [Role.Secretary],
    });
    await secretary.invitations.accept(invitation.id);

    await secretary.communities.members(community.id, { q: PHONE });
    await secretary.communities.members(community.id, { q: ID_NUMBER });
    const resident = await login('log-resident');
    await resident.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    await resident.invites.lookup(community.inviteCode!);
    await resident.communities.join(community.id, {
      inviteCode: community.inviteCode!,
      realName: '王小明',
      phone: PHONE,
    });
    const upload = await resident.uploads.photo(photo());
    const signed = new URL(upload.url, server.baseUrl);
    expect((await fetch(signed)).status).toBe(200);
    // A body that is not JSON, carrying personal data: Fastify logs the parse error.
    const broken = await fetch(`${server.baseUrl}/api/me/privacy-consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${resident.token}` },
      body: `王小明 ${PHONE} ${ID_NUMBER}`,
    });
    expect(broken.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const log = server.output();
    expect(log).toContain(`/api/communities/${community.id}/members?q=*`);
    expect(log).toContain('/api/invites/*');
    expect(log).toContain(`/api/uploads/${upload.id}?e=*&s=*`);
    expect(log).toContain('"statusCode":400');
    for (const secret of [PHONE, ID_NUMBER, '王小明', signed.searchParams.get('s')!, community.inviteCode!])
      expect(log).not.toContain(secret);
  });
});
