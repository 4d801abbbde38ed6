import { ErrorCode, Role, TransferStatus, Unit } from '@redvest/contract';
import ExcelJS from 'exceljs';
import { CheckinsService } from '../src/checkins/checkins.service';
import { JobLeases } from '../src/jobs/job-leases';
import { activity, codeAt, minutesFromNow, volunteer } from './checkin-fixtures';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, joinedUser, LoggedIn, memberWith, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';

describe('QR check-in and check-out', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let c: Awaited<ReturnType<typeof newCommunity>>;
  let cid: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
    c = await newCommunity(t, admin);
    cid = c.community.id;
  });
  afterAll(() => t.close());

  it('checks in with the rotating code, answers a quick repeat with the attendance, and checks out on request', async () => {
    const act = await activity(c.secretary, cid);
    const v = await volunteer(t, c.secretary, cid);
    const code = await c.secretary.activities.code(act.id);
    expect(code.token).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(code.refreshInSeconds).toBeGreaterThan(0);
    const first = await v.checkins.scan({ token: code.token });
    expect(first).toMatchObject({
      action: 'checked_in',
      attendance: { status: 'open', activityTitle: '社区环境整治' },
    });
    expect((await v.checkins.scan({ token: code.token })).action).toBe('already_checked_in');
    const out = await v.checkins.scan({ token: code.token, intent: 'check_out' });
    expect(out).toMatchObject({
      action: 'checked_out',
      attendance: { status: 'closed', minutes: 0, points: 10, pointsPending: true },
    });
    expect(await errorOf(v.checkins.scan({ token: code.token }))).toMatchObject({
      status: 409,
      code: ErrorCode.AttendanceClosed,
    });
    const queue = await c.secretary.approvals.queue(cid);
    expect(queue.items.filter((i) => i.userId === v.userId).map((i) => [i.unit, i.amount, i.memo])).toEqual([
      [Unit.Points, 10, '社区环境整治'],
    ]);
    expect((await v.activities.get(act.id)).me?.attendance).toMatchObject({
      status: 'closed',
      pointsPending: true,
    });
    expect((await v.checkins.mine()).items[0]).toMatchObject({ activityId: act.id, status: 'closed' });
  });

  it('checks out on a later scan, counting the minutes in the window, and posts at once when the activity auto-approves', async () => {
    const act = await activity(c.secretary, cid, {
      autoApprove: true,
      pointsRule: { kind: 'per_hour', points: 5 },
      startAt: minutesFromNow(-150),
    });
    const v = await volunteer(t, c.secretary, cid);
    const scannedIn = new Date(Date.now() - 130 * 60_000);
    await v.checkins.scan({ token: codeAt(t, act.number, scannedIn), scannedAt: scannedIn.toISOString() });
    const out = await v.checkins.scan({ token: (await c.secretary.activities.code(act.id)).token });
    expect(out.action).toBe('checked_out');
    expect(out.attendance.minutes).toBeGreaterThanOrEqual(129);
    expect(out.attendance.points).toBe(10);
    // The check-in was offline, so the award waits for a secretary even though the activity auto-approves.
    expect(out.attendance).toMatchObject({ offline: true, pointsPending: true });
    const w = await volunteer(t, c.secretary, cid);
    const code = (await c.secretary.activities.code(act.id)).token;
    await w.checkins.scan({ token: code });
    const wOut = await w.checkins.scan({ token: code, intent: 'check_out' });
    expect(wOut.attendance).toMatchObject({ points: 0, minutes: 0 });
    const v2 = await volunteer(t, c.secretary, cid);
    const perAttendance = await activity(c.secretary, cid, { autoApprove: true });
    const pCode = (await c.secretary.activities.code(perAttendance.id, 'poster')).token;
    await v2.checkins.scan({ token: pCode });
    expect((await v2.checkins.scan({ token: pCode, intent: 'check_out' })).attendance).toMatchObject({
      points: 10,
      pointsPending: false,
    });
    expect((await v2.points.mine()).accounts[0].points).toEqual({ balance: 10, pending: 0 });
  });

  it('gives each bad code its own error, and changes nothing', async () => {
    const act = await activity(c.secretary, cid);
    const later = await activity(c.secretary, cid, {
      startAt: minutesFromNow(120),
      endAt: minutesFromNow(180),
    });
    const v = await volunteer(t, c.secretary, cid);
    const good = (await c.secretary.activities.code(act.id)).token;
    const forged = `${good.slice(0, -3)}${good.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const expired = codeAt(t, act.number, new Date(Date.now() - 120_000));
    const cases: [string, ErrorCode][] = [
      [good.slice(0, 20), ErrorCode.CheckinCodeInvalid],
      [`${good}xyz`, ErrorCode.CheckinCodeInvalid],
      ['不是签到码', ErrorCode.CheckinCodeInvalid],
      [forged, ErrorCode.CheckinCodeForged],
      [expired, ErrorCode.CheckinCodeExpired],
      [(await c.secretary.activities.code(later.id, 'poster')).token, ErrorCode.CheckinCodeNotYetValid],
      [codeAt(t, 999_999, new Date()), ErrorCode.ActivityNotFound],
    ];
    for (const [token, code] of cases)
      expect(await errorOf(v.checkins.scan({ token }))).toMatchObject({ code });
    expect((await v.checkins.mine()).items).toEqual([]);
  });

  it('refuses residents, members of other communities, cancelled and full activities', async () => {
    const act = await activity(c.secretary, cid, { capacity: 1 });
    const token = (await c.secretary.activities.code(act.id, 'poster')).token;
    const resident = await memberWith(t, c.secretary, cid, []);
    expect(await errorOf(resident.checkins.scan({ token }))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
    const other = await newCommunity(t, admin);
    const outsider = await volunteer(t, other.secretary, other.community.id);
    expect(await errorOf(outsider.checkins.scan({ token }))).toMatchObject({
      status: 403,
      code: ErrorCode.NotCommunityMember,
    });
    await (await volunteer(t, c.secretary, cid)).checkins.scan({ token });
    expect(await errorOf((await volunteer(t, c.secretary, cid)).checkins.scan({ token }))).toMatchObject({
      status: 409,
      code: ErrorCode.ActivityFull,
    });
    await c.secretary.activities.cancel(act.id, '暴雨');
    expect(await errorOf((await volunteer(t, c.secretary, cid)).checkins.scan({ token }))).toMatchObject({
      code: ErrorCode.ActivityCancelled,
    });
  });

  it('checks the place when the activity has one, and tells how far away the volunteer is', async () => {
    const act = await activity(c.secretary, cid, { latitude: 23.0215, longitude: 113.1214, radiusM: 200 });
    const v = await volunteer(t, c.secretary, cid);
    const token = (await c.secretary.activities.code(act.id)).token;
    expect(await errorOf(v.checkins.scan({ token }))).toMatchObject({
      status: 422,
      code: ErrorCode.LocationRequired,
    });
    const far = await errorOf(v.checkins.scan({ token, latitude: 23.0305, longitude: 113.1214 }));
    expect(far).toMatchObject({
      status: 422,
      code: ErrorCode.TooFarAway,
      details: { distanceM: 1001, radiusM: 200 },
    });
    expect(far.message).toBe('您距离活动地点约 1001 米，需在 200 米内签到');
    expect((await v.checkins.scan({ token, latitude: 23.0216, longitude: 113.1215 })).action).toBe(
      'checked_in',
    );
  });

  it('asks for enrolment first when the activity requires it', async () => {
    const act = await activity(c.secretary, cid, { enrolmentRequired: true });
    const v = await volunteer(t, c.secretary, cid);
    const token = (await c.secretary.activities.code(act.id)).token;
    expect(await errorOf(v.checkins.scan({ token }))).toMatchObject({ code: ErrorCode.NotEnrolled });
    expect((await v.activities.enrol(act.id)).me?.enrolled).toBe(true);
    expect((await v.checkins.scan({ token })).action).toBe('checked_in');
    // The list says the same of each activity as one read of it would, for the caller.
    const other = await activity(c.secretary, cid, { enrolmentRequired: true });
    const listed = (await v.activities.list(cid, { limit: 100 })).items;
    expect(listed.find((a) => a.id === act.id)).toMatchObject({
      enrolledCount: 1,
      me: { enrolled: true, attendance: { activityId: act.id, status: 'open' } },
    });
    expect(listed.find((a) => a.id === other.id)).toMatchObject({
      enrolledCount: 0,
      me: { enrolled: false, attendance: null },
    });
    expect(listed.find((a) => a.id === act.id)).toEqual(await v.activities.get(act.id));
  });

  it('accepts offline scans made inside the window, refuses late ones and ones from the future', async () => {
    const ended = await activity(c.secretary, cid, {
      startAt: minutesFromNow(-100),
      endAt: minutesFromNow(-10),
    });
    const v = await volunteer(t, c.secretary, cid);
    const at = new Date(Date.now() - 60 * 60_000);
    const inside = await v.checkins.scan({ token: codeAt(t, ended.number, at), scannedAt: at.toISOString() });
    expect(inside).toMatchObject({ action: 'checked_in', attendance: { offline: true } });
    const longAgo = await activity(c.secretary, cid, {
      startAt: minutesFromNow(-200),
      endAt: minutesFromNow(-60),
    });
    const then = new Date(Date.now() - 100 * 60_000);
    expect(
      await errorOf(
        v.checkins.scan({ token: codeAt(t, longAgo.number, then), scannedAt: then.toISOString() }),
      ),
    ).toMatchObject({
      status: 422,
      code: ErrorCode.OfflineScanTooLate,
    });
    const running = await activity(c.secretary, cid);
    const future = new Date(Date.now() + 10 * 60_000);
    expect(
      await errorOf(
        v.checkins.scan({ token: codeAt(t, running.number, new Date()), scannedAt: future.toISOString() }),
      ),
    ).toMatchObject({
      status: 400,
      code: ErrorCode.ScannedAtInFuture,
    });
    const stale = new Date(Date.now() - 30 * 60_000);
    expect(
      await errorOf(
        v.checkins.scan({ token: codeAt(t, running.number, new Date()), scannedAt: stale.toISOString() }),
      ),
    ).toMatchObject({
      code: ErrorCode.CheckinCodeNotYetValid,
    });
  });

  it('closes attendances left open after the end plus the grace (未签退), with points to review', async () => {
    const act = await activity(c.secretary, cid, { autoApprove: true });
    const v = await volunteer(t, c.secretary, cid);
    await v.checkins.scan({ token: (await c.secretary.activities.code(act.id)).token });
    const checkins = t.app.get(CheckinsService);
    expect(await checkins.closeOverdue(new Date())).toBe(0);
    expect(await checkins.closeOverdue(new Date(Date.now() + 95 * 60_000))).toBeGreaterThanOrEqual(1);
    const [mine] = (await v.checkins.mine()).items;
    expect(mine).toMatchObject({ status: 'unclosed', minutes: 0, points: 10, pointsPending: true });
    const history = await v.points.myTransfers({ communityId: cid });
    expect(history.items[0]).toMatchObject({
      memo: '社区环境整治（未签退）',
      status: TransferStatus.Pending,
    });
    await t.dataSource.query("UPDATE communities SET unclosed_policy = 'to_end' WHERE id = ?", [cid]);
    const w = await volunteer(t, c.secretary, cid);
    await w.checkins.scan({ token: (await c.secretary.activities.code(act.id)).token });
    await checkins.closeOverdue(new Date(Date.now() + 95 * 60_000));
    expect((await w.checkins.mine()).items[0]).toMatchObject({
      status: 'unclosed',
      minutes: expect.any(Number),
    });
    expect((await w.checkins.mine()).items[0].minutes).toBeGreaterThanOrEqual(59);
    await t.dataSource.query("UPDATE communities SET unclosed_policy = 'no_minutes' WHERE id = ?", [cid]);
  });

  it('runs a scheduled job only in the process holding its lease', async () => {
    const leases = t.app.get(JobLeases);
    expect(await leases.acquire('test-job', 60_000)).toBe(true);
    expect(await leases.acquire('test-job', 60_000)).toBe(true);
    await t.dataSource.query("UPDATE job_leases SET holder = 'another-process' WHERE name = 'test-job'");
    expect(await leases.acquire('test-job', 60_000)).toBe(false);
    expect(await leases.acquire('test-job', 60_000, new Date(Date.now() + 120_000))).toBe(true);
  });

  it('lets an organiser check a member in and out by name (代签到), recorded as such', async () => {
    const act = await activity(c.secretary, cid);
    const elder = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    const inRecord = await c.secretary.activities.proxyCheckin(act.id, {
      userId: elder.userId,
      action: 'check_in',
    });
    expect(inRecord).toMatchObject({ status: 'open', proxyBy: c.secretary.userId });
    const outRecord = await c.secretary.activities.proxyCheckin(act.id, {
      userId: elder.userId,
      action: 'check_out',
    });
    expect(outRecord).toMatchObject({ status: 'closed', points: 10 });
    const list = await c.secretary.activities.attendances(act.id);
    expect(list.items[0]).toMatchObject({ userId: elder.userId, proxyBy: c.secretary.userId });
    expect(
      await errorOf(elder.activities.proxyCheckin(act.id, { userId: elder.userId, action: 'check_in' })),
    ).toMatchObject({ status: 403 });
  });

  it('exports the attendance list as a spreadsheet with phones masked', async () => {
    const act = await activity(c.secretary, cid);
    const { inviteCode } = await c.secretary.communities.get(cid);
    const v = await joinedUser(t, cid, inviteCode!, '13912348888');
    await c.secretary.communities.setMember(cid, { userId: v.userId, roles: [Role.Volunteer] });
    const token = (await c.secretary.activities.code(act.id)).token;
    await v.checkins.scan({ token });
    await v.checkins.scan({ token, intent: 'check_out' });
    const response = await fetch(`${t.baseUrl}/api/activities/${act.id}/attendances/export`, {
      headers: { authorization: `Bearer ${c.secretary.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent('社区环境整治-签到名单.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('签到名单')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '手机号',
      '签到时间',
      '签退时间',
      '服务时长（分钟）',
      '积分',
      '状态',
      '备注',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('王小明');
    expect(sheet.getRow(2).getCell(2).value).toBe('139****8888');
    expect(sheet.getRow(2).getCell(7).value).toBe('已签退');
    const denied = await fetch(`${t.baseUrl}/api/activities/${act.id}/attendances/export`, {
      headers: { authorization: `Bearer ${v.token}` },
    });
    expect(denied.status).toBe(403);
  });

  it('slows down a user who keeps sending wrong codes', async () => {
    const v = await volunteer(t, c.secretary, cid);
    for (let i = 0; i < 10; i++) await errorOf(v.checkins.scan({ token: 'A'.repeat(28) }));
    expect(await errorOf(v.checkins.scan({ token: 'A'.repeat(28) }))).toMatchObject({
      status: 429,
      code: ErrorCode.CheckinRateLimited,
    });
  });

  it('validates activities: times, location all or none, categories and points', async () => {
    const bad = [
      { startAt: minutesFromNow(60), endAt: minutesFromNow(30) },
      { startAt: minutesFromNow(0), endAt: minutesFromNow(60 * 24 * 8) },
    ];
    for (const times of bad)
      expect(await errorOf(activity(c.secretary, cid, times))).toMatchObject({
        code: ErrorCode.ActivityTimeInvalid,
      });
    expect(await errorOf(activity(c.secretary, cid, { latitude: 23, longitude: 113 }))).toMatchObject({
      status: 400,
    });
    expect(await errorOf(activity(c.secretary, cid, { category: '跳舞' as never }))).toMatchObject({
      status: 400,
    });
    expect(
      await errorOf(activity(c.secretary, cid, { pointsRule: { kind: 'per_attendance', points: -1 } })),
    ).toMatchObject({ status: 400 });
    const v = await volunteer(t, c.secretary, cid);
    expect(await errorOf(activity(v, cid))).toMatchObject({ status: 403 });
    const listed = await v.activities.list(cid, { when: 'running' });
    expect(listed.items.every((a) => a.phase === 'running')).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await v.activities.list(cid, { limit: 3, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await v.activities.list(cid, { limit: 100 })).items.length);
  });
});
