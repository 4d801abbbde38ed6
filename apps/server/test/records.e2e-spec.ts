import { ErrorCode, Role } from '@redvest/contract';
import { activity, approveAwardsOf, codeAt, minutesFromNow } from './checkin-fixtures';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, LoggedIn, memberWith, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';

// pdf-parse 1.x: the library file itself, without the package's self-test on load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfText: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

describe('service records: corrections and certificates', () => {
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

  /** An attendance of `minutes` served: checked in offline `minutes` ago, out now. */
  async function served(v: LoggedIn, title: string, minutes: number) {
    const act = await activity(c.secretary, cid, {
      title,
      startAt: minutesFromNow(-minutes - 5),
      pointsRule: { kind: 'per_hour', points: 10 },
    });
    const at = new Date(Date.now() - minutes * 60_000);
    await v.checkins.scan({ token: codeAt(t, act.number, at), scannedAt: at.toISOString() });
    return (
      await v.checkins.scan({ token: (await c.secretary.activities.code(act.id)).token, intent: 'check_out' })
    ).attendance;
  }

  it('corrects a record on acceptance, with a correcting transfer in the ledger', async () => {
    const v = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    const attendance = await served(v, '义务理发', 60);
    const award = (await c.secretary.approvals.queue(cid)).items.find((i) => i.userId === v.userId)!;
    await c.secretary.approvals.approve(award.transferId);
    expect((await v.points.mine()).accounts[0]).toMatchObject({
      points: { balance: 10 },
      minutes: { balance: 60 },
    });
    const request = await v.records.requestCorrection(attendance.id, {
      minutes: 150,
      reason: '签退晚了，实际服务到 11 点',
    });
    expect(request).toMatchObject({
      status: 'pending',
      recordedMinutes: 60,
      requestedMinutes: 150,
      activityTitle: '义务理发',
    });
    expect(
      await errorOf(v.records.requestCorrection(attendance.id, { minutes: 120, reason: '再来一次' })),
    ).toMatchObject({
      code: ErrorCode.CorrectionPending,
    });
    const pending = await c.secretary.records.corrections(cid, { status: 'pending' });
    expect(pending.items.map((i) => i.id)).toEqual([request.id]);
    const accepted = await c.secretary.records.accept(request.id, '经现场负责人确认');
    expect(accepted).toMatchObject({ status: 'accepted', decisionReason: '经现场负责人确认' });
    expect((await v.points.mine()).accounts[0]).toMatchObject({
      points: { balance: 20 },
      minutes: { balance: 150 },
    });
    expect((await v.checkins.mine()).items[0]).toMatchObject({ minutes: 150, points: 20 });
    expect(await errorOf(c.secretary.records.refuse(request.id, '晚了'))).toMatchObject({
      status: 409,
      code: ErrorCode.CorrectionDecided,
    });
    expect((await c.secretary.points.verify(cid)).ok).toBe(true);
  });

  it('refuses a correction with a reason, and only the volunteer may ask for one', async () => {
    const v = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    const other = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    const attendance = await served(v, '楼道清扫', 30);
    expect(
      await errorOf(other.records.requestCorrection(attendance.id, { minutes: 60, reason: '帮他申请' })),
    ).toMatchObject({ status: 403 });
    const request = await v.records.requestCorrection(attendance.id, {
      minutes: 90,
      reason: '还帮忙搬了桌子',
    });
    expect(await errorOf(v.records.accept(request.id, '同意'))).toMatchObject({ status: 403 });
    expect(await c.secretary.records.refuse(request.id, '签到记录显示只服务了 30 分钟')).toMatchObject({
      status: 'refused',
    });
    expect((await v.checkins.mine()).items[0].minutes).toBe(30);
  });

  it('issues a certificate whose PDF lists the activities and the total hours in Chinese, and that anyone can check', async () => {
    const v = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    await t.dataSource.query("UPDATE memberships SET real_name = '赵志远' WHERE user_id = ?", [v.userId]);
    await served(v, '重阳节敬老院慰问', 90);
    await served(v, '垃圾分类宣传', 45);
    await approveAwardsOf(c.secretary, cid, v.userId);
    // Still waiting for approval: not certified, as 我的积分 does not count it yet either.
    await served(v, '防汛值守', 30);
    expect((await v.points.mine()).accounts[0].minutes).toEqual({ balance: 135, pending: 30 });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const certificate = await v.records.issueCertificate({ communityId: cid, from: '2026-01-01', to: today });
    expect(certificate).toMatchObject({
      communityName: c.community.name,
      holderName: '赵*远',
      activityCount: 2,
      totalMinutes: 135,
    });
    expect(certificate.code).toMatch(/^[A-Z2-9]{12}$/);
    const checked = await t.anonymous.records.verifyCertificate(certificate.code.toLowerCase());
    expect(checked).toEqual(certificate);
    const response = await fetch(`${t.baseUrl}${certificate.pdfUrl}`, {
      headers: { authorization: `Bearer ${v.token}` },
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text } = await pdfText(Buffer.from(await response.arrayBuffer()));
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '志愿服务证明',
      '赵志远',
      '重阳节敬老院慰问',
      '垃圾分类宣传',
      '累计服务时长2小时15分钟',
      c.community.name,
      certificate.code,
    ]) {
      expect(flat).toContain(expected.replace(/\s+/g, ''));
    }
    expect(flat).not.toContain('防汛值守');
    const stranger = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    const denied = await fetch(`${t.baseUrl}${certificate.pdfUrl}`, {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(denied.status).toBe(404);
    const bySecretary = await fetch(`${t.baseUrl}${certificate.pdfUrl}`, {
      headers: { authorization: `Bearer ${c.secretary.token}` },
    });
    expect(bySecretary.status).toBe(200);
  });

  it('refuses a certificate for a period without service, a bad period, or an unknown code', async () => {
    const v = await memberWith(t, c.secretary, cid, [Role.Volunteer]);
    expect(
      await errorOf(v.records.issueCertificate({ communityId: cid, from: '2020-01-01', to: '2020-12-31' })),
    ).toMatchObject({
      status: 422,
      code: ErrorCode.NoServiceInPeriod,
    });
    expect(
      await errorOf(v.records.issueCertificate({ communityId: cid, from: '2026-12-31', to: '2026-01-01' })),
    ).toMatchObject({
      code: ErrorCode.CertificatePeriodInvalid,
    });
    expect(await errorOf(t.anonymous.records.verifyCertificate('NOSUCHCODE22'))).toMatchObject({
      status: 404,
      code: ErrorCode.CertificateNotFound,
    });
  });
});
