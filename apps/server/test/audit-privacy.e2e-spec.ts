import { Role, Unit } from '@redvest/contract';
import { entriesAfter, lastSequence } from './audit-fixtures';
import { ADMIN_ENV, ADMIN_OPENID, LoggedIn } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { key } from './ledger-fixtures';
import { privacyCommunity } from './privacy-fixtures';

jest.setTimeout(60_000);

/** 审计日志 and personal data: whose names it shows, whose it keeps, and what it never writes down. */
describe('audit log: names and personal data', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(() => t.close());

  it('masks phone and ID numbers a secretary types into a reason before the entry is written', async () => {
    const s = await privacyCommunity(t, admin);
    const bob = await s.person('孙小红', '13955556666', [Role.Volunteer]);
    const before = await lastSequence(s.secretary, s.cid);
    await s.secretary.points.adjust(
      s.cid,
      {
        userId: bob.userId,
        unit: Unit.Points,
        amount: 5,
        reason: '电话13812345678的居民，身份证11010119900307123X',
      },
      key(),
    );
    await s.secretary.communities.removeMember(s.cid, bob.userId, { reason: '联系 139-1234-5678 已搬走' });
    const summaries = (await entriesAfter(s.secretary, s.cid, before)).map((e) => e.summary);
    expect(summaries).toEqual([
      '增加 5 积分（原因：电话[手机号]的居民，身份证[身份证号]）',
      '移除成员（原因：联系 [手机号] 已搬走）；服务记录与积分账本保留',
    ]);
    const stored = (await t.dataSource.query('SELECT summary FROM audit_entries WHERE community_id = ?', [
      s.cid,
    ])) as { summary: string }[];
    for (const secret of ['13812345678', '11010119900307123X', '139-1234-5678'])
      expect(stored.some((row) => row.summary.includes(secret))).toBe(false);
  });
});
