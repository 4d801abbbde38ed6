import { ErrorCode, PRIVACY_NOTICE_VERSION, ROUTE_POLICIES, Role, WishStatus } from '@redvest/contract';
import { errorOf } from './errors';
import { startTestApp, TestApp } from './harness';
import { itOnMariaDb } from './databases';
import { runningDemoActivity } from '../src/demo/demo-activities';

describe('the contract basics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ DEMO_SEED: '1' })));
  afterAll(() => t.close());

  it('answers /healthz after checking the database', async () => {
    expect(await t.anonymous.health()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers malformed JSON, unknown routes and wrong types with the error shape', async () => {
    const badJson = await fetch(`${t.baseUrl}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"openid": ',
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ error: { code: 'INVALID_JSON', message: '请求格式不正确' } });
    expect(await errorOf(t.anonymous.raw('GET', '/api/no-such-thing'))).toMatchObject({
      status: 404,
      code: ErrorCode.RouteNotFound,
    });
    const wrongType = await errorOf(t.anonymous.raw('POST', '/api/auth/dev-login', { body: { openid: 42 } }));
    expect(wrongType).toMatchObject({
      status: 400,
      code: ErrorCode.ValidationFailed,
      message: '填写的内容有误，请检查后再提交',
    });
  });

  it('serves the OpenAPI document with who may call each route', async () => {
    const response = await fetch(`${t.baseUrl}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    expect(document.paths['/api/communities/{cid}/members'].get.description).toContain('社区书记');
    expect(Object.keys(document.paths).length).toBeGreaterThanOrEqual(
      new Set(Object.keys(ROUTE_POLICIES).map((k) => k.split(' ')[1])).size,
    );
    expect((await fetch(`${t.baseUrl}/api/docs`)).status).toBe(200);
  });

  it('seeds the demo community with every demo user in their roles', async () => {
    const expected: Record<string, Role> = {
      'demo-secretary': Role.Secretary,
      'demo-branch': Role.BranchSecretary,
      'demo-member-1': Role.GroupLeader,
      'demo-member-2': Role.PartyMember,
      'demo-member-3': Role.PartyMember,
      'demo-volunteer': Role.Volunteer,
      'demo-resident': Role.Resident,
    };
    for (const [openid, role] of Object.entries(expected)) {
      const me = await (await t.login(openid)).me.get();
      expect(me.memberships).toHaveLength(1);
      expect(me.memberships[0]).toMatchObject({ communityName: '襄阳街社区', status: 'active' });
      expect(me.memberships[0].roles).toContain(role);
    }
    const secretary = await t.login('demo-secretary');
    const cid = (await secretary.me.get()).memberships[0].communityId;
    const buildings = (await secretary.communities.buildings(cid)).items;
    expect(buildings.length).toBe(5);
    expect(buildings.reduce((n, b) => n + b.householdCount, 0)).toBe(3 * 2 * 6 * 2 + 2 * 8 * 3);
    const running = await secretary.activities.list(cid, { when: 'running' });
    expect(running.items.map((a) => a.title)).toEqual([runningDemoActivity(new Date()).title]);
    expect((await secretary.rewards.list(cid)).items).toHaveLength(5);
    expect((await secretary.approvals.queue(cid)).items.length).toBeGreaterThanOrEqual(2);
    expect((await secretary.points.verify(cid)).ok).toBe(true);
    const board = await secretary.wishes.list(cid);
    expect(board.items.map((w) => w.title).sort()).toEqual(
      ['想学用手机和孙子视频', '轮椅刹车坏了，想请人修一下'].sort(),
    );
    expect((await secretary.wishes.list(cid, { status: WishStatus.PendingReview })).items).toHaveLength(1);
    expect((await secretary.wishes.list(cid, { status: WishStatus.Confirmed })).items[0].thanks).toBe(
      '谢谢张同志，耐心陪我跑了一上午！',
    );
    const leader = await t.login('demo-member-1');
    const homes = (await leader.contact.myHouseholds()).items;
    expect(homes).toHaveLength(12);
    expect(homes.filter((h) => !h.overdue).map((h) => h.label)).toEqual(['1栋 1单元 601']);
    expect((await secretary.contact.demands(cid)).items).toHaveLength(1);
    expect((await leader.contact.resources(cid)).items.map((r) => r.title).sort()).toEqual(
      ['义诊、量血压', '周末辅导孩子功课'].sort(),
    );
    const projects = (await leader.contact.projects(cid)).items;
    expect(projects.map((p) => [p.title, p.status])).toEqual(
      expect.arrayContaining([
        ['每月义诊进社区', 'open'],
        ['为 601 独居老人修水管', 'taken'],
      ]),
    );
    const members = (await secretary.communities.members(cid)).items;
    const employers = members.map((m) => m.employer).filter(Boolean);
    expect(employers.sort()).toEqual(['佛山市第一中学', '佛山市税务局', '禅城区人民医院'].sort());
  });

  itOnMariaDb('keeps every one of many concurrent role changes (retried deadlocks on MariaDB)', async () => {
    const users = await Promise.all(Array.from({ length: 30 }, (_, i) => t.login(`concurrent-${i}`)));
    const secretary = await t.login('demo-secretary');
    const cid = (await secretary.me.get()).memberships[0].communityId;
    const { inviteCode } = await secretary.communities.get(cid);
    for (const [i, user] of users.entries()) {
      await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
      await user.communities.join(cid, {
        inviteCode: inviteCode!,
        realName: '并发',
        phone: `1391234${String(i).padStart(4, '0')}`,
      });
    }
    const results = await Promise.allSettled(
      users.map((user) =>
        secretary.communities.setMember(cid, { userId: user.userId, roles: [Role.Volunteer] }),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed.map((r) => String(r.reason?.code ?? r.reason))).toEqual([]);
    const [{ n }] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM membership_roles WHERE community_id = ? AND role = 'volunteer'`,
      [cid],
    );
    expect(Number(n)).toBe(31);
  });
});
