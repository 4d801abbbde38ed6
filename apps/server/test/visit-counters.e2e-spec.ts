import { ApiError } from '@redvest/api-client';
import { CoverageRow, ErrorCode, Role, toIsoLocal } from '@redvest/contract';
import { chinaMonth, chinaMonthOf, overdueCutoff } from '@redvest/domain';
import { Community } from '../src/communities/community.entity';
import { ContactGroup, HouseholdAssignment, Visit } from '../src/contact/entities';
import { checkVisitCounters } from '../src/contact/visit-counters-check';
import { VisitCounters1764657000000 } from '../src/database/migrations/1764657000000-VisitCounters';
import { Building } from '../src/organisation/building.entity';
import { Household } from '../src/organisation/household.entity';
import { itOnMariaDb } from './databases';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, csvFile, LoggedIn, memberWith, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { redoMigration } from './migration-fixtures';

jest.setTimeout(120_000);

const SHEET = [
  '小区,楼栋,单元,楼层,房号',
  ...[1, 2, 3].flatMap((f) => [`东区,3栋,,${f},${f}01`, `东区,3栋,,${f},${f}02`]),
  '东区,5栋,,1,101',
  '东区,5栋,,1,102',
].join('\n');

const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe('走访覆盖 from the counters kept with the visits', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(() => t.close());

  async function setUp() {
    const { community, secretary } = await newCommunity(t, admin);
    const cid = community.id;
    await secretary.communities.importHouseholds(cid, csvFile(SHEET));
    const buildings = (await secretary.communities.buildings(cid)).items;
    const building = (name: string) => buildings.find((b) => b.name === name)!;
    const households = (await secretary.communities.households(cid, { buildingId: building('3栋').id }))
      .items;
    const room = (r: string) => households.find((h) => h.room === r)!.id;
    const members = await Promise.all(
      [1, 2, 3, 4].map(() => memberWith(t, secretary, cid, [Role.PartyMember])),
    );
    const groupA = await secretary.contact.createGroup(cid, {
      name: '甲组',
      memberIds: members.slice(0, 3).map((m) => m.userId),
      leaderId: members[0].userId,
    });
    const groupB = await secretary.contact.createGroup(cid, {
      name: '乙组',
      memberIds: [members[3].userId],
      leaderId: members[3].userId,
    });
    return { cid, secretary, building, room, members, groupA, groupB };
  }

  /** Coverage as the visits themselves say it, household by household: what the counters must agree with. */
  async function coverageFromVisits(cid: string, month: string): Promise<CoverageRow[]> {
    const em = t.dataSource.manager;
    const community = await em.findOneByOrFail(Community, { id: cid });
    const [assignments, households, groups, buildings, visits] = await Promise.all([
      em.find(HouseholdAssignment, { where: { communityId: cid } }),
      em.find(Household, { where: { communityId: cid } }),
      em.find(ContactGroup, { where: { communityId: cid } }),
      em.find(Building, { where: { communityId: cid } }),
      em.find(Visit, { where: { communityId: cid } }),
    ]);
    const { start, end } = chinaMonth(month);
    const cutoff = overdueCutoff(new Date(), community.visitOverdueDays);
    const rows = new Map<string, CoverageRow>();
    for (const a of assignments) {
      const group = groups.find((g) => g.id === a.groupId)!;
      const building = buildings.find(
        (b) => b.id === households.find((h) => h.id === a.householdId)!.buildingId,
      )!;
      const times = visits.filter((v) => v.householdId === a.householdId).map((v) => v.visitedAt);
      const key = `${group.name}/${building.name}`;
      const row = rows.get(key) ?? {
        groupId: group.id,
        groupName: group.name,
        building: building.name,
        households: 0,
        visited: 0,
        overdue: 0,
      };
      row.households++;
      if (times.some((at) => at >= start && at < end)) row.visited++;
      if (!times.some((at) => at >= cutoff)) row.overdue++;
      rows.set(key, row);
    }
    return [...rows.values()].sort((x, y) =>
      `${x.groupName}/${x.building}`.localeCompare(`${y.groupName}/${y.building}`),
    );
  }

  /** What the secretary sees for `month`, checked against the visits, and the counters checked too. */
  async function coverage(s: Awaited<ReturnType<typeof setUp>>, month: string) {
    const { rows } = await s.secretary.contact.coverage(s.cid, month);
    const sorted = [...rows].sort((x, y) =>
      `${x.groupName}/${x.building}`.localeCompare(`${y.groupName}/${y.building}`),
    );
    expect(sorted).toEqual(await coverageFromVisits(s.cid, month));
    expect(await checkVisitCounters(t.dataSource.manager, s.cid)).toEqual([]);
    return Object.fromEntries(
      rows.map((r) => [`${r.groupName}/${r.building}`, [r.households, r.visited, r.overdue]]),
    );
  }

  it('follows visits, late ones and ones across a month’s end, releases, reassignments and dissolving', async () => {
    const s = await setUp();
    const thisMonth = chinaMonthOf(new Date());
    const { start } = chinaMonth(thisMonth);
    const lastMonth = chinaMonthOf(new Date(start.getTime() - 1));
    const longAgo = chinaMonthOf(daysAgo(100));
    await s.secretary.contact.assign(s.groupA.id, {
      buildingId: s.building('3栋').id,
      floorFrom: 1,
      floorTo: 2,
    });
    await s.secretary.contact.assign(s.groupA.id, {
      buildingId: s.building('5栋').id,
      floorFrom: 1,
      floorTo: 1,
    });
    expect(await coverage(s, thisMonth)).toEqual({ '甲组/3栋': [4, 0, 4], '甲组/5栋': [2, 0, 2] });

    const [m1, m2] = s.members;
    const visit = (member: LoggedIn, householdId: string, at: Date) =>
      member.contact.visit(householdId, { visitedAt: at.toISOString() });
    const fiveBuilding = (
      await s.secretary.communities.households(s.cid, { buildingId: s.building('5栋').id })
    ).items;
    const latest = await m1.contact.visit(s.room('101'), {
      visitedAt: new Date().toISOString(),
      flags: ['elderly_alone'],
    });
    // Typed in late: an older visit does not make the household look overdue again, nor become its latest.
    await m2.contact.visit(s.room('101'), { visitedAt: daysAgo(100).toISOString(), flags: ['disability'] });
    expect((await m2.contact.myHouseholds()).items.find((h) => h.id === s.room('101'))).toMatchObject({
      lastVisitedAt: latest.visitedAt,
      overdue: false,
      flags: ['elderly_alone'],
    });
    // The last minute of last month and the first moment of this one, in China's time.
    await visit(m1, s.room('102'), new Date(start.getTime() - 60_000));
    await visit(m2, s.room('201'), start);
    await visit(m1, fiveBuilding[0].id, daysAgo(100));
    expect(await coverage(s, thisMonth)).toEqual({ '甲组/3栋': [4, 2, 1], '甲组/5栋': [2, 0, 2] });
    expect(await coverage(s, lastMonth)).toEqual({ '甲组/3栋': [4, 1, 1], '甲组/5栋': [2, 0, 2] });
    expect((await coverage(s, longAgo))['甲组/5栋']).toEqual([2, 1, 2]);

    await s.secretary.contact.release(s.groupA.id, { householdIds: [s.room('101')] });
    expect(await coverage(s, thisMonth)).toEqual({ '甲组/3栋': [3, 1, 1], '甲组/5栋': [2, 0, 2] });

    // 101 (released) and 102 (甲组's) go to 乙组 with their visits.
    await s.secretary.contact.assign(s.groupB.id, {
      householdIds: [s.room('101'), s.room('102')],
      reassign: true,
    });
    expect(await coverage(s, thisMonth)).toEqual({
      '甲组/3栋': [2, 1, 1],
      '甲组/5栋': [2, 0, 2],
      '乙组/3栋': [2, 1, 0],
    });
    expect((await coverage(s, lastMonth))['乙组/3栋']).toEqual([2, 1, 0]);
    expect(await errorOf(visit(m1, s.room('102'), new Date()))).toMatchObject({
      status: 403,
      code: ErrorCode.NotInAssignedGroup,
    });
    await visit(s.members[3], s.room('102'), new Date());
    expect((await coverage(s, thisMonth))['乙组/3栋']).toEqual([2, 2, 0]);

    // Fewer overdue days: 102's visit of last month's last minute still counts, 101's of 100 days ago does not matter.
    await s.secretary.contact.updateSettings(s.cid, { visitOverdueDays: 7 });
    await coverage(s, thisMonth);

    await s.secretary.contact.dissolve(s.groupA.id);
    expect(await coverage(s, thisMonth)).toEqual({ '乙组/3栋': [2, 2, 0] });
    // A household that left every group keeps its visits' months, and its latest visit comes back with it.
    await s.secretary.contact.assign(s.groupB.id, { householdIds: [s.room('201')] });
    expect(await coverage(s, thisMonth)).toEqual({ '乙组/3栋': [3, 3, 0] });
  });

  it('is what its migration fills in from the visits as they stand', async () => {
    const s = await setUp();
    await s.secretary.contact.assign(s.groupA.id, {
      buildingId: s.building('3栋').id,
      floorFrom: 1,
      floorTo: 3,
    });
    for (const [i, r] of ['101', '102', '201', '101'].entries())
      await s.members[i % 3].contact.visit(s.room(r), { visitedAt: daysAgo(i * 20).toISOString() });
    const counters = () =>
      Promise.all([
        t.dataSource.query(
          'SELECT household_id, building_id, last_visited_at FROM household_assignments ORDER BY household_id',
        ),
        t.dataSource.query(
          'SELECT household_id, month, community_id, building_id, group_id, visits FROM household_visit_months ORDER BY household_id, month',
        ),
      ]);
    const kept = await counters();
    expect(kept[1].length).toBeGreaterThan(2);
    await redoMigration(t.dataSource, new VisitCounters1764657000000());
    expect(await counters()).toEqual(kept);
    expect(await coverage(s, chinaMonthOf(new Date()))).toEqual({ '甲组/3栋': [6, expect.any(Number), 3] });
  });

  itOnMariaDb('keeps exact counts for many visits of one household recorded at once (MariaDB)', async () => {
    const s = await setUp();
    const household = s.room('101');
    await s.secretary.contact.assign(s.groupA.id, { householdIds: [household, s.room('102')] });
    const [m1, m2, m3] = s.members;
    // 30 visits at once by the group's three members, spread over three months.
    const times = Array.from(
      { length: 30 },
      (_, i) => new Date(Date.now() - (i % 3) * 35 * DAY - i * 60_000),
    );
    await Promise.all(
      times.map((at, i) => [m1, m2, m3][i % 3].contact.visit(household, { visitedAt: at.toISOString() })),
    );
    const months: { month: string; visits: unknown }[] = await t.dataSource.query(
      'SELECT month, visits FROM household_visit_months WHERE household_id = ? ORDER BY month',
      [household],
    );
    const expected = new Map<string, number>();
    for (const at of times) expected.set(chinaMonthOf(at), (expected.get(chinaMonthOf(at)) ?? 0) + 1);
    expect(months.map((m) => [m.month, Number(m.visits)])).toEqual([...expected].sort());
    const [{ last }] = await t.dataSource.query(
      'SELECT last_visited_at AS last FROM household_assignments WHERE household_id = ?',
      [household],
    );
    expect(toIsoLocal(last)).toBe(toIsoLocal(times[0]));
    expect(await coverage(s, chinaMonthOf(new Date()))).toEqual({ '甲组/3栋': [2, 1, 1] });
  });

  itOnMariaDb(
    'counts every visit that went in while the household moved to another group (MariaDB)',
    async () => {
      const s = await setUp();
      const household = s.room('101');
      await s.secretary.contact.assign(s.groupA.id, { householdIds: [household] });
      const visits = Array.from({ length: 12 }, (_, i) =>
        s.members[i % 3].contact.visit(household, { visitedAt: daysAgo(12 - i).toISOString() }),
      );
      const moved = s.secretary.contact.assign(s.groupB.id, { householdIds: [household], reassign: true });
      const outcomes = await Promise.allSettled([...visits, moved]);
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as ApiError).code);
      expect(refused.every((code) => code === ErrorCode.NotInAssignedGroup)).toBe(true);
      expect(outcomes[12].status).toBe('fulfilled');
      await coverage(s, chinaMonthOf(new Date()));
    },
  );
});
