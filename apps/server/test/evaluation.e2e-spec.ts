import { ErrorCode, Role } from '@redvest/contract';
import ExcelJS from 'exceljs';
import { activity, codeAt, minutesFromNow } from './checkin-fixtures';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, csvFile, LoggedIn, memberWith, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { publishedWish, wishCommunity } from './wish-fixtures';

jest.setTimeout(60_000);

describe('the three lists and the annual evaluation', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(() => t.close());

  it('exports one sheet per employer whose totals match the records, with the three ratings', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const cid = community.id;
    await secretary.communities.importHouseholds(
      cid,
      csvFile('小区,楼栋,单元,楼层,房号\n东区,1栋,,1,101\n东区,1栋,,1,102'),
    );
    const east = (await secretary.communities.compounds(cid)).items[0].id;
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => memberWith(t, secretary, cid, [Role.PartyMember])),
    );
    await secretary.communities.setMember(cid, {
      userId: a.userId,
      roles: [Role.PartyMember],
      employer: '市税务局',
    });
    await secretary.communities.setMember(cid, {
      userId: b.userId,
      roles: [Role.PartyMember],
      employer: '市税务局',
    });
    await secretary.communities.setMember(cid, {
      userId: c.userId,
      roles: [Role.PartyMember],
      employer: '区医院',
    });
    // Service: a served 90 minutes, b 45; a fulfilled a wish; a and b visited one household together.
    for (const [member, minutes] of [
      [a, 90],
      [b, 45],
    ] as const) {
      const act = await activity(secretary, cid, {
        startAt: minutesFromNow(-minutes - 5),
        pointsRule: { kind: 'per_attendance', points: 5 },
        autoApprove: true,
      });
      const at = new Date(Date.now() - minutes * 60_000);
      await member.checkins.scan({ token: codeAt(t, act.number, at), scannedAt: at.toISOString() });
      await member.checkins.scan({
        token: (await secretary.activities.code(act.id)).token,
        intent: 'check_out',
      });
    }
    const { resident } = await wishCommunity(t, secretary, cid);
    const wish = await publishedWish(secretary, resident, cid);
    await a.wishes.claim(wish.id);
    await a.wishes.fulfil(wish.id, { note: '完成' });
    await resident.wishes.confirm(wish.id, { thanks: '谢谢' });
    const group = await secretary.contact.createGroup(cid, {
      name: '东区小组',
      memberIds: [a.userId, b.userId, c.userId],
      leaderId: a.userId,
      compoundId: east,
    });
    const building = (await secretary.communities.buildings(cid)).items[0];
    await secretary.contact.assign(group.id, { buildingId: building.id, floorFrom: 1, floorTo: 1 });
    const home = (await a.contact.myHouseholds()).items[0];
    await a.contact.visit(home.id, { visitedAt: new Date().toISOString(), visitorIds: [b.userId] });

    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    await a.contact.rate(cid, b.userId, { year, level: 'group', grade: 'excellent' });
    expect(
      await errorOf(b.contact.rate(cid, a.userId, { year, level: 'group', grade: 'good' })),
    ).toMatchObject({ status: 403 });
    const branch = await memberWith(t, secretary, cid, [Role.BranchSecretary], east);
    await t.dataSource.query('UPDATE memberships SET compound_id = ? WHERE user_id IN (?, ?)', [
      east,
      a.userId,
      b.userId,
    ]);
    await branch.contact.rate(cid, b.userId, { year, level: 'branch', grade: 'good' });
    expect(
      await errorOf(branch.contact.rate(cid, c.userId, { year, level: 'branch', grade: 'good' })),
    ).toMatchObject({ status: 403 });
    await secretary.contact.rate(cid, b.userId, {
      year,
      level: 'community',
      grade: 'excellent',
      comment: '积极参加双报到',
    });
    expect(
      await errorOf(
        secretary.contact.rate(cid, resident.userId, { year, level: 'community', grade: 'good' }),
      ),
    ).toMatchObject({ code: ErrorCode.MemberNotFound });

    const forLeader = await a.contact.evaluations(cid, year);
    // The leader rates the others in his group, not himself, and sees only his own level's ratings.
    expect(forLeader.items.map((m) => [m.userId, m.levels]).sort()).toEqual(
      [
        [b.userId, ['group']],
        [c.userId, ['group']],
      ].sort(),
    );
    expect(forLeader.items.find((m) => m.userId === b.userId)?.ratings).toEqual({
      group: { grade: 'excellent', comment: null },
    });
    expect(
      await errorOf(a.contact.rate(cid, a.userId, { year, level: 'group', grade: 'excellent' })),
    ).toMatchObject({ status: 403 });
    expect((await branch.contact.evaluations(cid, year)).items.map((m) => m.userId).sort()).toEqual(
      [a.userId, b.userId].sort(),
    );
    const forSecretary = await secretary.contact.evaluations(cid, year);
    expect(forSecretary.items.find((m) => m.userId === b.userId)).toMatchObject({
      levels: ['branch', 'community'],
      compound: '东区',
      employer: '市税务局',
      ratings: { community: { grade: 'excellent', comment: '积极参加双报到' } },
    });
    expect(forSecretary.items.find((m) => m.userId === c.userId)?.levels).toEqual(['community']);
    expect((await secretary.contact.evaluations(cid, year - 1)).items[0].ratings).toEqual({});
    expect(await errorOf(resident.contact.evaluations(cid, year))).toMatchObject({ status: 403 });
    expect(await errorOf(b.contact.evaluations(cid, year))).toMatchObject({ status: 403 });

    const report = await secretary.contact.annualReport(cid, year);
    const ofA = report.members.find((m) => m.userId === a.userId)!;
    expect(ofA).toMatchObject({ employer: '市税务局', activities: 1, wishesFulfilled: 1, visits: 1 });
    expect(report.members.find((m) => m.userId === b.userId)).toMatchObject({
      visits: 1,
      ratings: { group: 'excellent', branch: 'good', community: 'excellent' },
    });

    const response = await fetch(`${t.baseUrl}/api/communities/${cid}/reports/annual/export?year=${year}`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name).sort()).toEqual(
      ['区医院', '市税务局', '未登记原单位'].sort(),
    );
    const tax = workbook.getWorksheet('市税务局')!;
    const totals = tax.getRow(tax.rowCount).values as unknown[];
    const [{ minutes }] = await t.dataSource.query(
      'SELECT SUM(minutes) AS minutes FROM attendances WHERE user_id IN (?, ?)',
      [a.userId, b.userId],
    );
    const [{ earned }] = await t.dataSource.query(
      "SELECT SUM(earned) AS earned FROM ledger_period_totals WHERE period = ? AND unit = 'points' AND user_id IN (?, ?)",
      [String(year), a.userId, b.userId],
    );
    expect(totals.slice(1, 8)).toEqual([
      '合计',
      2,
      Number((Number(minutes) / 60).toFixed(1)),
      1,
      2,
      0,
      Number(earned),
    ]);
    expect(tax.getRow(2).values).toEqual(
      expect.arrayContaining(['姓名', '小组评价', '支部评价', '社区评价']),
    );
    const forbidden = await fetch(`${t.baseUrl}/api/communities/${cid}/reports/annual/export?year=${year}`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(forbidden.status).toBe(403);
  });

  it('keeps the resource, demand and service lists (三单), with one member taking a project first', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const cid = community.id;
    const [a, b] = await Promise.all([1, 2].map(() => memberWith(t, secretary, cid, [Role.PartyMember])));
    await secretary.communities.setMember(cid, {
      userId: a.userId,
      roles: [Role.PartyMember],
      employer: '区医院',
    });
    const resource = await a.contact.offerResource(cid, {
      kind: 'skill',
      title: '义诊、量血压',
      byEmployer: true,
    });
    expect(resource).toMatchObject({ kind: 'skill', employer: '区医院' });
    expect(
      await errorOf(b.contact.offerResource(cid, { kind: 'goods', title: '大米', byEmployer: true })),
    ).toMatchObject({ status: 400 });
    const resident = await memberWith(t, secretary, cid, [Role.Resident]);
    const demand = await resident.contact.raiseDemand(cid, {
      category: '医疗健康',
      text: '想在家门口量血压',
    });
    expect((await secretary.contact.demandList(cid)).rows).toEqual([
      { category: '医疗健康', compound: null, open: 1, resolved: 0 },
    ]);
    const project = await secretary.contact.createProject(cid, {
      title: '每月义诊',
      mode: 'member_take',
      demandId: demand.id,
      resourceId: resource.id,
    });
    expect(project).toMatchObject({
      status: 'open',
      modeLabel: '党员接单',
      demandText: '想在家门口量血压',
      resourceTitle: '义诊、量血压',
    });
    const results = await Promise.allSettled([
      a.contact.takeProject(project.id),
      b.contact.takeProject(project.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409, code: ErrorCode.ProjectAlreadyTaken });
    const taker = results[0].status === 'fulfilled' ? a : b;
    const bystander = taker === a ? b : a;
    // The demand's words: for the secretary and the member who took it, not for everyone on the list.
    const textFor = async (who: typeof a) =>
      (await who.contact.projects(cid)).items.find((p) => p.id === project.id)?.demandText;
    expect(await textFor(secretary)).toBe('想在家门口量血压');
    expect(await textFor(taker)).toBe('想在家门口量血压');
    expect(await textFor(bystander)).toBeNull();
    expect(await textFor(resident)).toBeNull();
    expect((await taker.contact.finishProject(project.id)).status).toBe('done');
    expect(await errorOf(taker.contact.finishProject(project.id))).toMatchObject({
      status: 409,
      code: ErrorCode.ProjectNotInProgress,
    });
    const dispatched = await secretary.contact.createProject(cid, {
      title: '陪诊',
      mode: 'community_dispatch',
      takerId: b.userId,
    });
    expect(dispatched).toMatchObject({ status: 'taken', takerId: b.userId, modeLabel: '社区派单' });
    const first = await a.contact.projects(cid, { limit: 1 });
    expect(first.items.map((p) => p.id)).toEqual([dispatched.id]);
    const second = await a.contact.projects(cid, { limit: 1, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ id: project.id }], nextCursor: null });
    expect(await errorOf(a.contact.createProject(cid, { title: 'x', mode: 'member_take' }))).toMatchObject({
      status: 403,
    });
  });
});
