import { ErrorCode, Role } from '@redvest/contract';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, csvFile, LoggedIn, memberWith, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { onMariaDb } from './databases';

jest.setTimeout(60_000);

// SQLite runs transactions one at a time, so copies of one request can never collide there: only
// MariaDB (`npm run test:mysql`) can show these races.

onMariaDb('a visit sent again and again at once (MariaDB)', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(() => t.close());

  it('records one visit for 10 copies sent with one Idempotency-Key, answering each with it', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    await secretary.communities.importHouseholds(
      community.id,
      csvFile('小区,楼栋,单元,楼层,房号\n东区,1栋,,3,301'),
    );
    const [building] = (await secretary.communities.buildings(community.id)).items;
    const member = await memberWith(t, secretary, community.id, [Role.PartyMember]);
    const group = await secretary.contact.createGroup(community.id, {
      name: '1栋小组',
      memberIds: [member.userId],
      leaderId: member.userId,
    });
    await secretary.contact.assign(group.id, { buildingId: building.id, floorFrom: 3, floorTo: 3 });
    const [household] = (await member.contact.myHouseholds()).items;
    const body = {
      visitedAt: new Date().toISOString(),
      residents: 1,
      demands: [{ category: '其他' as const, text: '想学用手机挂号' }],
    };

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => member.contact.visit(household.id, body, 'offline-visit-0001')),
    );
    expect(new Set(answers.map((visit) => visit.id)).size).toBe(1);
    const [{ visits }] = await t.dataSource.query(
      'SELECT COUNT(*) AS visits FROM visits WHERE household_id = ?',
      [household.id],
    );
    const [{ demands }] = await t.dataSource.query(
      'SELECT COUNT(*) AS demands FROM demands WHERE household_id = ?',
      [household.id],
    );
    expect([Number(visits), Number(demands)]).toEqual([1, 1]);

    const reused = await Promise.all(
      Array.from({ length: 5 }, () =>
        errorOf(member.contact.visit(household.id, { ...body, residents: 3 }, 'offline-visit-0001')),
      ),
    );
    expect(reused.map((e) => [e.status, e.code])).toEqual(
      Array(5).fill([409, ErrorCode.IdempotencyKeyReused]),
    );
  });
});
