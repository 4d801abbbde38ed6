import { ApiError } from '@redvest/api-client';
import { ErrorCode, Role, WishStatus } from '@redvest/contract';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, csvFile, LoggedIn, memberWith, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { photo } from './wish-fixtures';
import { itOnMariaDb } from './databases';

jest.setTimeout(60_000);

const SHEET = [
  '小区,楼栋,单元,楼层,房号',
  ...[24, 25, 26, 27, 28].flatMap((f) => [`东区,3栋,,${f},${f}01`, `东区,3栋,,${f},${f}02`]),
  '西区,1栋,,1,101',
].join('\n');

describe('household contact (包干到户)', () => {
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
    const compounds = (await secretary.communities.compounds(cid)).items;
    const east = compounds.find((c) => c.name === '东区')!.id;
    const west = compounds.find((c) => c.name === '西区')!.id;
    const building = (await secretary.communities.buildings(cid)).items.find((b) => b.compound === '东区')!;
    const members = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => memberWith(t, secretary, cid, [Role.PartyMember])),
    );
    const groupA = await secretary.contact.createGroup(cid, {
      name: '3栋党员小组',
      memberIds: members.slice(0, 3).map((m) => m.userId),
      leaderId: members[0].userId,
      compoundId: east,
    });
    const groupB = await secretary.contact.createGroup(cid, {
      name: '第二小组',
      memberIds: members.slice(3, 6).map((m) => m.userId),
      leaderId: members[3].userId,
    });
    return { cid, secretary, east, west, building, members, groupA, groupB };
  }

  it('assigns floors to a group, refuses overlaps with the households in the way, and keeps history on reassignment', async () => {
    const s = await setUp();
    expect(
      await s.secretary.contact.assign(s.groupA.id, {
        buildingId: s.building.id,
        floorFrom: 24,
        floorTo: 27,
      }),
    ).toEqual({ assigned: 8, reassigned: 0 });
    const conflict = await errorOf(
      s.secretary.contact.assign(s.groupB.id, { buildingId: s.building.id, floorFrom: 27, floorTo: 28 }),
    );
    expect(conflict).toMatchObject({ status: 409, code: ErrorCode.AssignmentConflict });
    const conflicts = (conflict.details as { conflicts: { label: string; groupName: string }[] }).conflicts;
    expect(conflicts.map((c) => c.label).sort()).toEqual(['3栋 2701', '3栋 2702']);
    expect(conflicts[0].groupName).toBe('3栋党员小组');
    expect(
      await s.secretary.contact.assign(s.groupB.id, {
        buildingId: s.building.id,
        floorFrom: 27,
        floorTo: 28,
        reassign: true,
      }),
    ).toEqual({ assigned: 4, reassigned: 2 });
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM household_assignment_history WHERE reason = 'reassigned'",
    );
    expect(Number(n)).toBeGreaterThanOrEqual(2);
    const groups = (await s.secretary.contact.groups(s.cid)).items;
    expect(groups.map((g) => [g.name, g.householdCount]).sort()).toEqual(
      [
        ['3栋党员小组', 6],
        ['第二小组', 4],
      ].sort(),
    );
    expect((await s.members[0].me.get()).memberships[0].roles).toContain(Role.GroupLeader);
    expect(
      await errorOf(
        s.secretary.contact.createGroup(s.cid, {
          name: '太多人',
          memberIds: s.members.slice(0, 4).map((m) => m.userId),
          leaderId: s.members[0].userId,
        }),
      ),
    ).toMatchObject({
      code: ErrorCode.ContactGroupInvalid,
    });
  });

  itOnMariaDb('lets one of two overlapping assignments made at the same moment win (MariaDB)', async () => {
    const s = await setUp();
    const results = await Promise.allSettled([
      s.secretary.contact.assign(s.groupA.id, { buildingId: s.building.id, floorFrom: 24, floorTo: 26 }),
      s.secretary.contact.assign(s.groupB.id, { buildingId: s.building.id, floorFrom: 26, floorTo: 28 }),
    ]);
    const outcome = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as ApiError).code));
    expect(outcome.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcome.filter((o) => o !== 'ok')).toEqual([ErrorCode.AssignmentConflict]);
    const [{ n }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM household_assignments WHERE community_id = ?',
      [s.cid],
    );
    expect(Number(n)).toBe(6);
  });

  it('records visits by the assigned group only, with the phone stored encrypted and masked for others', async () => {
    const s = await setUp();
    await s.secretary.contact.assign(s.groupA.id, { buildingId: s.building.id, floorFrom: 24, floorTo: 24 });
    const mine = await s.members[1].contact.myHouseholds();
    expect(mine.items.map((h) => [h.label, h.overdue])).toEqual([
      ['3栋 2401', true],
      ['3栋 2402', true],
    ]);
    const hid = mine.items[0].id;
    const body = {
      visitedAt: new Date().toISOString(),
      visitorIds: [s.members[2].userId],
      residents: 2,
      rented: false,
      phone: '13812341234',
      flags: ['elderly_alone' as const],
      notes: '老人腿脚不便',
      demands: [{ category: '住房维修' as const, text: '卫生间漏水到楼下' }],
    };
    const visit = await s.members[1].contact.visit(hid, body, 'visit-key-0001');
    expect(visit).toMatchObject({ phone: '13812341234', flags: ['elderly_alone'], residents: 2 });
    expect(visit.demandIds).toHaveLength(1);
    const again = await s.members[1].contact.visit(hid, body, 'visit-key-0001');
    expect(again.id).toBe(visit.id);
    const reused = await errorOf(
      s.members[1].contact.visit(
        hid,
        { ...body, demands: [{ category: '住房维修', text: '楼道灯坏了' }] },
        'visit-key-0001',
      ),
    );
    expect(reused).toMatchObject({ status: 409, code: ErrorCode.IdempotencyKeyReused });
    const [row] = await t.dataSource.query('SELECT phone_enc FROM visits WHERE id = ?', [visit.id]);
    expect(row.phone_enc).toMatch(/^v1\./);
    expect(row.phone_enc).not.toContain('1234');
    expect((await s.members[1].contact.myHouseholds()).items[0]).toMatchObject({
      overdue: false,
      flags: ['elderly_alone'],
    });
    expect((await s.secretary.contact.household(hid)).lastVisit?.phone).toBe('13812341234');
    expect((await s.members[0].contact.household(hid)).lastVisit?.phone).toBe('13812341234');
    const branch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.east);
    expect((await branch.contact.household(hid)).lastVisit?.phone).toBe('138****1234');
  });

  it('refuses every other role on household and visit routes', async () => {
    const s = await setUp();
    await s.secretary.contact.assign(s.groupA.id, { buildingId: s.building.id, floorFrom: 24, floorTo: 24 });
    const hid = (await s.members[0].contact.myHouseholds()).items[0].id;
    const body = { visitedAt: new Date().toISOString() };
    const resident = await memberWith(t, s.secretary, s.cid, [Role.Resident]);
    const volunteer = await memberWith(t, s.secretary, s.cid, [Role.Volunteer]);
    const otherGroup = s.members[3];
    const leaderOfOther = s.members[3];
    const otherBranch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.west);
    const stranger = await newCommunity(t, admin);
    for (const [who, status] of [
      [resident, 403],
      [volunteer, 403],
      [otherGroup, 403],
      [leaderOfOther, 403],
      [otherBranch, 403],
      [stranger.secretary, 404],
    ] as const) {
      expect((await errorOf(who.contact.visit(hid, body))).status).toBe(status);
      expect((await errorOf(who.contact.household(hid))).status).toBe(status);
    }
    expect((await errorOf(otherGroup.contact.visit(hid, body))).code).toBe(ErrorCode.NotInAssignedGroup);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM visits WHERE household_id = ?', [
      hid,
    ]);
    expect(Number(n)).toBe(0);
  });

  it('routes demands to the compound’s branch, through to resolved, and into a wish', async () => {
    const s = await setUp();
    const branch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.east);
    const otherBranch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.west);
    const resident = await memberWith(t, s.secretary, s.cid, [Role.Resident]);
    const home = (await s.secretary.communities.households(s.cid)).items.find((h) => h.room === '2501')!;
    await t.dataSource.query('UPDATE memberships SET compound_id = ?, household_id = ? WHERE user_id = ?', [
      s.east,
      home.id,
      resident.userId,
    ]);
    const other = (await s.secretary.communities.households(s.cid)).items.find((h) => h.room === '2502')!;
    expect(
      await errorOf(
        resident.contact.raiseDemand(s.cid, {
          category: '环境卫生',
          text: '楼道堆满杂物',
          householdId: other.id,
        }),
      ),
    ).toMatchObject({ code: ErrorCode.NotYourHousehold });
    const demand = await resident.contact.raiseDemand(s.cid, {
      category: '环境卫生',
      text: '楼道堆满杂物，有消防隐患',
      householdId: home.id,
    });
    expect(demand).toMatchObject({
      status: 'reported',
      compound: '东区',
      householdLabel: '3栋 2501',
      actions: [],
    });
    expect((await branch.contact.demands(s.cid)).items.map((d) => d.id)).toContain(demand.id);
    expect((await otherBranch.contact.demands(s.cid)).items.map((d) => d.id)).not.toContain(demand.id);
    expect(
      await errorOf(otherBranch.contact.transitionDemand(demand.id, { action: 'accept' })),
    ).toMatchObject({ status: 403, code: ErrorCode.DemandActionNotAllowed });
    await branch.contact.transitionDemand(demand.id, { action: 'accept' });
    await branch.contact.transitionDemand(demand.id, { action: 'assign', assigneeId: s.members[0].userId });
    expect((await s.members[0].contact.demands(s.cid, { mine: 'assigned' })).items[0].actions).toEqual([
      'start',
      'resolve',
    ]);
    await s.members[0].contact.transitionDemand(demand.id, { action: 'start' });
    const resolved = await s.members[0].contact.transitionDemand(demand.id, {
      action: 'resolve',
      note: '已联系物业清理',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已联系物业清理' });
    expect((await resident.contact.demands(s.cid, { mine: 'raised' })).items[0].statusLabel).toBe('已办结');
    expect(
      await errorOf(branch.contact.transitionDemand(demand.id, { action: 'reject', reason: '晚了' })),
    ).toMatchObject({ status: 409 });
    const second = await resident.contact.raiseDemand(s.cid, {
      category: '养老服务',
      text: '想请人每周来陪老人聊聊天',
    });
    expect(await errorOf(branch.contact.transitionDemand(second.id, { action: 'reject' }))).toMatchObject({
      status: 400,
    });
    const wish = await branch.contact.demandToWish(second.id);
    expect(wish).toMatchObject({ status: WishStatus.Published, authorId: resident.userId });
  });

  it('reports coverage per group and building, and ends assignments when a group is dissolved', async () => {
    const s = await setUp();
    await s.secretary.contact.assign(s.groupA.id, { buildingId: s.building.id, floorFrom: 24, floorTo: 25 });
    const hid = (await s.members[0].contact.myHouseholds()).items[0].id;
    await s.members[0].contact.visit(hid, { visitedAt: new Date().toISOString() });
    const coverage = await s.secretary.contact.coverage(s.cid);
    expect(coverage.rows).toEqual([
      {
        groupId: s.groupA.id,
        groupName: '3栋党员小组',
        building: '3栋',
        households: 4,
        visited: 1,
        overdue: 3,
      },
    ]);
    // Another household visited 40 days ago (last month, not overdue) and a third 100 days ago (overdue).
    const [, second, third] = (await s.members[0].contact.myHouseholds()).items.map((h) => h.id);
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000);
    await s.members[0].contact.visit(second, { visitedAt: daysAgo(40).toISOString() });
    await s.members[0].contact.visit(third, { visitedAt: daysAgo(100).toISOString() });
    expect((await s.secretary.contact.coverage(s.cid)).rows[0]).toMatchObject({ visited: 1, overdue: 2 });
    const lastMonth = new Date(daysAgo(40).getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    const before = await s.secretary.contact.coverage(s.cid, lastMonth);
    expect(before).toMatchObject({ month: lastMonth, rows: [{ households: 4, overdue: 2 }] });
    expect(before.rows[0].visited).toBeGreaterThanOrEqual(1);
    await s.secretary.contact.dissolve(s.groupA.id);
    expect((await s.members[0].contact.myHouseholds()).items).toEqual([]);
    expect((await s.secretary.contact.groups(s.cid)).items.map((g) => g.name)).toEqual(['第二小组']);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM visits WHERE household_id = ?', [
      hid,
    ]);
    expect(Number(n)).toBe(1);
  });

  it('edits a group, shows a building by floor with its groups, and releases households into the history', async () => {
    const s = await setUp();
    await s.secretary.contact.assign(s.groupA.id, { buildingId: s.building.id, floorFrom: 24, floorTo: 25 });
    await s.secretary.contact.assign(s.groupB.id, { buildingId: s.building.id, floorFrom: 28, floorTo: 28 });
    const map = await s.members[0].contact.buildingAssignments(s.building.id);
    expect(map).toMatchObject({ building: '3栋', compound: '东区' });
    expect(map.households.map((h) => [h.floor, h.room, h.groupName])).toEqual([
      [28, '2801', '第二小组'],
      [28, '2802', '第二小组'],
      [27, '2701', null],
      [27, '2702', null],
      [26, '2601', null],
      [26, '2602', null],
      [25, '2501', '3栋党员小组'],
      [25, '2502', '3栋党员小组'],
      [24, '2401', '3栋党员小组'],
      [24, '2402', '3栋党员小组'],
    ]);

    const edited = await s.secretary.contact.updateGroup(s.groupA.id, {
      name: '3栋第一小组',
      memberIds: [s.members[0].userId, s.members[1].userId],
      leaderId: s.members[1].userId,
      compoundId: null,
    });
    expect(edited).toMatchObject({ name: '3栋第一小组', leaderId: s.members[1].userId, compound: null });
    expect(edited.members.map((m) => m.userId)).toEqual(
      expect.arrayContaining([s.members[0].userId, s.members[1].userId]),
    );
    expect(edited.members).toHaveLength(2);
    expect((await s.members[1].me.get()).memberships[0].roles).toContain(Role.GroupLeader);
    expect((await s.members[0].me.get()).memberships[0].roles).not.toContain(Role.GroupLeader);
    expect((await s.members[2].contact.myHouseholds()).items).toEqual([]);
    for (const body of [
      { leaderId: s.members[2].userId },
      { memberIds: s.members.slice(0, 4).map((m) => m.userId), leaderId: s.members[0].userId },
    ]) {
      expect(await errorOf(s.secretary.contact.updateGroup(s.groupA.id, body))).toMatchObject({
        status: 422,
        code: ErrorCode.ContactGroupInvalid,
      });
    }
    for (const name of ['', '   ']) {
      expect(await errorOf(s.secretary.contact.updateGroup(s.groupA.id, { name }))).toMatchObject({
        status: 400,
        code: ErrorCode.ValidationFailed,
      });
    }

    const floor24 = map.households.filter((h) => h.floor === 24).map((h) => h.id);
    const floor28 = map.households.filter((h) => h.floor === 28).map((h) => h.id);
    expect(
      await s.secretary.contact.release(s.groupA.id, { householdIds: [...floor24, ...floor28] }),
    ).toEqual({ released: 2 });
    const after = await s.secretary.contact.buildingAssignments(s.building.id);
    expect(after.households.filter((h) => h.groupId).map((h) => h.room)).toEqual([
      '2801',
      '2802',
      '2501',
      '2502',
    ]);
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM household_assignment_history WHERE reason = 'released' AND group_id = ?",
      [s.groupA.id],
    );
    expect(Number(n)).toBe(2);

    // 收回 and 解散 at the same moment: each household leaves the group once, with one history row.
    await Promise.allSettled([
      s.secretary.contact.release(s.groupB.id, { householdIds: floor28 }),
      s.secretary.contact.dissolve(s.groupB.id),
    ]);
    const history = await t.dataSource.query(
      'SELECT household_id FROM household_assignment_history WHERE group_id = ?',
      [s.groupB.id],
    );
    expect(history.map((h: { household_id: string }) => h.household_id).sort()).toEqual([...floor28].sort());
    expect(await errorOf(s.secretary.contact.updateGroup(s.groupB.id, { name: '复活' }))).toMatchObject({
      status: 409,
      code: ErrorCode.ContactGroupDissolved,
    });
    expect(await errorOf(s.secretary.contact.release(s.groupB.id, { householdIds: floor28 }))).toMatchObject({
      code: ErrorCode.ContactGroupDissolved,
    });
  });

  it('lets the secretary set the group size and the overdue period, which coverage and group checks then use', async () => {
    const s = await setUp();
    expect(await s.secretary.contact.settings(s.cid)).toEqual({ contactGroupSize: 3, visitOverdueDays: 90 });
    expect(await s.secretary.contact.updateSettings(s.cid, { contactGroupSize: 4 })).toEqual({
      contactGroupSize: 4,
      visitOverdueDays: 90,
    });
    const four = await s.secretary.contact.createGroup(s.cid, {
      name: '四人小组',
      memberIds: s.members.slice(0, 4).map((m) => m.userId),
      leaderId: s.members[0].userId,
    });
    expect(four.members).toHaveLength(4);
    await s.secretary.contact.updateSettings(s.cid, { visitOverdueDays: 30 });
    expect((await s.secretary.contact.coverage(s.cid)).overdueDays).toBe(30);
    for (const body of [{ contactGroupSize: 0 }, { contactGroupSize: 11 }, { visitOverdueDays: 3 }]) {
      expect(await errorOf(s.secretary.contact.updateSettings(s.cid, body))).toMatchObject({
        status: 400,
        code: ErrorCode.ValidationFailed,
      });
    }
    const branch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.east);
    expect((await branch.contact.settings(s.cid)).visitOverdueDays).toBe(30);
    expect(await errorOf(branch.contact.updateSettings(s.cid, { visitOverdueDays: 60 }))).toMatchObject({
      status: 403,
    });
    expect(await errorOf(s.members[1].contact.settings(s.cid))).toMatchObject({ status: 403 });
    expect(await s.secretary.contact.settings(s.cid)).toEqual({ contactGroupSize: 4, visitOverdueDays: 30 });
  });

  it('refuses group editing and the floor map to everyone but the secretary (and the map to readers)', async () => {
    const s = await setUp();
    const resident = await memberWith(t, s.secretary, s.cid, [Role.Resident]);
    const branch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.east);
    const stranger = await newCommunity(t, admin);
    for (const [who, status] of [
      [resident, 403],
      [s.members[1], 403],
      [s.members[0], 403],
      [branch, 403],
      [stranger.secretary, 404],
    ] as const) {
      expect((await errorOf(who.contact.updateGroup(s.groupA.id, { name: '改名' }))).status).toBe(status);
      expect(
        (await errorOf(who.contact.release(s.groupA.id, { householdIds: [s.building.id] }))).status,
      ).toBe(status);
    }
    for (const [who, status] of [
      [resident, 403],
      [s.members[1], 403],
      [stranger.secretary, 404],
    ] as const) {
      expect((await errorOf(who.contact.buildingAssignments(s.building.id))).status).toBe(status);
    }
    expect((await branch.contact.buildingAssignments(s.building.id)).households).toHaveLength(10);
    expect((await s.secretary.contact.groups(s.cid)).items.find((g) => g.id === s.groupA.id)?.name).toBe(
      '3栋党员小组',
    );
  });

  it('keeps the photos of demands raised by a resident or in a visit, and refuses photos that are not the raiser’s own', async () => {
    const s = await setUp();
    await s.secretary.contact.assign(s.groupA.id, { buildingId: s.building.id, floorFrom: 24, floorTo: 24 });
    const hid = (await s.members[1].contact.myHouseholds()).items[0].id;
    const card = await s.members[1].contact.household(hid);
    expect(card.group?.members.map((m) => m.userId).sort()).toEqual(
      s.members
        .slice(0, 3)
        .map((m) => m.userId)
        .sort(),
    );
    const shot = await s.members[1].uploads.photo(photo());
    const visit = await s.members[1].contact.visit(hid, {
      visitedAt: new Date().toISOString(),
      moveInDate: '2019-05',
      demands: [{ category: '住房维修', text: '窗户关不严', photoIds: [shot.id] }],
    });
    expect(visit.moveInDate).toBe('2019-05');
    const branch = await memberWith(t, s.secretary, s.cid, [Role.BranchSecretary], s.east);
    const fromVisit = (await branch.contact.demands(s.cid)).items.find((d) => d.id === visit.demandIds[0])!;
    expect(fromVisit.photos.map((p) => p.id)).toEqual([shot.id]);
    const image = await fetch(`${t.baseUrl}${fromVisit.photos[0].url}`);
    expect(image.status).toBe(200);
    // 转为心愿 for a demand heard on a visit: the wish is the household's compound's; two taps make one wish.
    const taps = await Promise.allSettled([
      branch.contact.demandToWish(fromVisit.id),
      branch.contact.demandToWish(fromVisit.id),
    ]);
    expect(taps.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = taps.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409, code: ErrorCode.DemandWrongState });
    const wishes = await t.dataSource.query('SELECT compound_id, status FROM wishes WHERE community_id = ?', [
      s.cid,
    ]);
    expect(wishes).toEqual([{ compound_id: s.east, status: 'published' }]);

    const resident = await memberWith(t, s.secretary, s.cid, [Role.Resident]);
    const own = [await resident.uploads.photo(photo()), await resident.uploads.photo(photo())];
    const demand = await resident.contact.raiseDemand(s.cid, {
      category: '环境卫生',
      text: '楼下垃圾桶满了没人清',
      photoIds: own.map((p) => p.id),
    });
    expect(demand.photos.map((p) => p.id)).toEqual(own.map((p) => p.id));
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM demands WHERE community_id = ?', [
      s.cid,
    ]);
    expect(
      await errorOf(
        resident.contact.raiseDemand(s.cid, { category: '其他', text: '别人的照片', photoIds: [shot.id] }),
      ),
    ).toMatchObject({ status: 422, code: ErrorCode.PhotoNotFound });
    const four = [...own, ...(await Promise.all([1, 2].map(() => resident.uploads.photo(photo()))))];
    expect(
      await errorOf(
        resident.contact.raiseDemand(s.cid, {
          category: '其他',
          text: '四张照片',
          photoIds: four.map((p) => p.id),
        }),
      ),
    ).toMatchObject({ code: ErrorCode.TooManyPhotos });
    expect(
      await errorOf(
        s.members[1].contact.visit(hid, {
          visitedAt: new Date().toISOString(),
          demands: [{ category: '其他', text: '居民的照片', photoIds: [own[0].id] }],
        }),
      ),
    ).toMatchObject({ code: ErrorCode.PhotoNotFound });
    const afterwards = await t.dataSource.query('SELECT COUNT(*) AS n FROM demands WHERE community_id = ?', [
      s.cid,
    ]);
    expect(Number(afterwards[0].n)).toBe(Number(before[0].n));
    const [{ visits }] = await t.dataSource.query(
      'SELECT COUNT(*) AS visits FROM visits WHERE household_id = ?',
      [hid],
    );
    expect(Number(visits)).toBe(1);
  });
});
