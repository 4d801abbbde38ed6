import {
  ACCOUNT_DELETION_CONFIRMATION,
  AuditAction,
  AuditEntryView,
  PRIVACY_NOTICE_VERSION,
  Role,
  Unit,
} from '@redvest/contract';
import ExcelJS from 'exceljs';
import { NOT_A_MEMBER } from '../src/audit/audit-log.service';
import { verifyAuditChain } from '../src/audit/audit-verifier';
import { fillActorNames } from '../src/database/migrations/1764628200000-AuditActorNames';
import { appendManyEntries, entriesAfter, lastSequence } from './audit-fixtures';
import { LoggedIn, memberWith } from './fixtures';
import { unique } from './harness';
import { key } from './ledger-fixtures';
import { privacyCommunity } from './privacy-fixtures';
import { describeWithApp } from './world';

jest.setTimeout(60_000);

const DELETE = { confirm: ACCOUNT_DELETION_CONFIRMATION } as const;

/** 审计日志 and personal data: whose names it shows, whose it keeps, and what it never writes down. */
const adminNickname = unique('管理员昵称');

describeWithApp(
  'audit log: names and personal data',
  (w) => {
    /** The log's whole text as the secretary reads it, on the page and in the spreadsheet. */
    async function everythingShown(secretary: LoggedIn, cid: string): Promise<string> {
      const page = await entriesAfter(secretary, cid, 0);
      const response = await fetch(`${w.t.baseUrl}${secretary.audit.exportPath(cid)}`, {
        headers: { authorization: `Bearer ${secretary.token}` },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const cells: unknown[] = [];
      workbook.getWorksheet('审计日志')!.eachRow((row) => cells.push(row.values));
      return JSON.stringify([page, cells]);
    }

    it('names nobody who is not a member: an invitee before they accept, one who declines, the platform admin', async () => {
      const s = await privacyCommunity(w.t, w.admin);
      const nickname = unique('微信昵称');
      const invitee = await w.t.login(unique('invitee'), nickname);
      await invitee.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
      const invitation = await s.secretary.communities.invite(s.cid, {
        userId: invitee.userId,
        roles: [Role.Volunteer],
      });
      const declinedNickname = unique('不想加入');
      const declining = await w.t.login(unique('declining'), declinedNickname);
      await declining.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
      const other = await s.secretary.communities.invite(s.cid, { userId: declining.userId, roles: [] });
      await declining.invitations.decline(other.id);

      const log = await entriesAfter(s.secretary, s.cid, 0);
      const invitedBy = (who: LoggedIn) =>
        log.find((e) => e.action === AuditAction.MemberInvite && e.subjectId === who.userId)!;
      expect(invitedBy(invitee).subjectName).toBe(NOT_A_MEMBER);
      expect(invitedBy(declining).subjectName).toBe(NOT_A_MEMBER);
      expect(log.filter((e) => e.actorRole === 'platform_admin').map((e) => e.actorName)).toEqual([
        NOT_A_MEMBER,
        NOT_A_MEMBER,
      ]);
      const shown = await everythingShown(s.secretary, s.cid);
      for (const hidden of [nickname, declinedNickname, adminNickname]) expect(shown).not.toContain(hidden);

      // Having agreed to join, the member is named as in the member list (no real name given: the nickname).
      await invitee.invitations.accept(invitation.id);
      const after = await entriesAfter(s.secretary, s.cid, 0);
      expect(after.find((e) => e.id === invitedBy(invitee).id)!.subjectName).toBe(nickname);
    });

    it('keeps the name a secretary acted under after they delete their account, not the names of those acted on', async () => {
      const s = await privacyCommunity(w.t, w.admin);
      const deputy = await s.person('钱书记', '13911112222', [Role.Secretary]);
      const bob = await s.person('赵大伟', '13933334444', [Role.Volunteer]);
      const before = await lastSequence(s.secretary, s.cid);
      await deputy.communities.rotateInviteCode(s.cid);
      await deputy.points.adjust(
        s.cid,
        { userId: bob.userId, unit: Unit.Points, amount: 5, reason: '补录纸质台账' },
        key(),
      );
      await deputy.me.deleteAccount(DELETE);
      await bob.me.deleteAccount(DELETE);

      const acts = await entriesAfter(s.secretary, s.cid, before);
      expect(acts.map((e) => [e.action, e.actorName])).toEqual([
        [AuditAction.InviteCodeRotate, '钱书记'],
        [AuditAction.PointsAdjust, '钱书记'],
      ]);
      expect(acts[1].subjectName).toBe('已注销用户');
      expect(await everythingShown(s.secretary, s.cid)).not.toContain('赵大伟');
      expect((await w.t.db.read((em) => verifyAuditChain(em, s.cid))).ok).toBe(true);
    });

    it('fills in the names of entries from before names were stored, which still verify, and guards the new ones', async () => {
      const s = await privacyCommunity(w.t, w.admin);
      const deputy = await s.person('孙书记', '13911113333', [Role.Secretary]);
      const nickname = (await s.secretary.me.get()).nickname;
      const before = await lastSequence(s.secretary, s.cid);
      // Written by the version before: no name, the hash without it.
      const older = { actorName: null, hashVersion: 1 };
      for (const actor of [deputy, s.secretary, w.admin])
        await appendManyEntries(w.t, s.cid, actor.userId, 1, older);
      await w.t.db.transaction((em) => fillActorNames(em.queryRunner!));
      await deputy.communities.rotateInviteCode(s.cid);
      await deputy.me.deleteAccount(DELETE);

      const entries = await entriesAfter(s.secretary, s.cid, before);
      expect(entries.map((e) => e.actorName)).toEqual(['孙书记', nickname, NOT_A_MEMBER, '孙书记']);
      const stored = (await w.t.dataSource.query(
        'SELECT actor_name AS name, hash_version AS version FROM audit_entries WHERE community_id = ? AND sequence > ? ORDER BY sequence',
        [s.cid, before],
      )) as { name: string | null; version: number }[];
      expect(stored.map((row) => [row.name, Number(row.version)])).toEqual([
        ['孙书记', 1],
        [null, 1],
        [null, 1],
        ['孙书记', 2],
      ]);
      const verify = () => w.t.db.read((em) => verifyAuditChain(em, s.cid));
      expect(await verify()).toMatchObject({ ok: true, problems: [] });
      await w.t.dataSource.query(
        "UPDATE audit_entries SET actor_name = '别人' WHERE community_id = ? AND sequence = ?",
        [s.cid, before + 4],
      );
      expect((await verify()).problems).toEqual([
        expect.stringMatching(new RegExp(`^#${before + 4} .*被修改过`)),
      ]);
    });

    it('masks phone and ID numbers a secretary types into a reason before the entry is written', async () => {
      const s = await privacyCommunity(w.t, w.admin);
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
      const stored = (await w.t.dataSource.query('SELECT summary FROM audit_entries WHERE community_id = ?', [
        s.cid,
      ])) as { summary: string }[];
      for (const secret of ['13812345678', '11010119900307123X', '139-1234-5678'])
        expect(stored.some((row) => row.summary.includes(secret))).toBe(false);
    });

    it('writes down who saw a household’s full phone on its card, and nothing when it was masked or absent', async () => {
      const s = await privacyCommunity(w.t, w.admin);
      const [carol, dan] = [
        await s.person('周党员', '13900000001', [Role.PartyMember]),
        await s.person('吴党员', '13900000002', [Role.PartyMember]),
      ];
      const group = await s.secretary.contact.createGroup(s.cid, {
        name: '1栋小组',
        memberIds: [carol.userId, dan.userId],
        leaderId: carol.userId,
      });
      await s.secretary.contact.assign(group.id, { buildingId: s.building.id, floorFrom: 3, floorTo: 3 });
      const phoned = s.room('302').id;
      await carol.contact.visit(phoned, { visitedAt: new Date().toISOString(), phone: '13800001111' });
      await carol.contact.visit(s.room('301').id, { visitedAt: new Date().toISOString() });
      const compound = (await s.secretary.communities.compounds(s.cid)).items[0].id;
      const branch = await memberWith(w.t, s.secretary, s.cid, [Role.BranchSecretary], compound);

      const seen = async (who: LoggedIn, householdId: string): Promise<AuditEntryView[]> => {
        const before = await lastSequence(s.secretary, s.cid);
        await who.contact.household(householdId);
        return entriesAfter(s.secretary, s.cid, before);
      };
      expect(await seen(s.secretary, phoned)).toEqual([
        expect.objectContaining({
          action: AuditAction.HouseholdCardView,
          actorId: s.secretary.userId,
          actorRole: Role.Secretary,
          targetType: 'household',
          targetId: phoned,
          summary: '查看住户 1栋 1单元 302 的卡片，含完整电话 1 个',
        }),
      ]);
      expect(await seen(dan, phoned)).toEqual([
        expect.objectContaining({
          action: AuditAction.HouseholdCardView,
          actorId: dan.userId,
          actorRole: Role.PartyMember,
        }),
      ]);
      expect((await branch.contact.household(phoned)).lastVisit?.phone).toBe('138****1111');
      expect(await seen(branch, phoned)).toEqual([]);
      expect(await seen(s.secretary, s.room('301').id)).toEqual([]);
      const entries = await entriesAfter(s.secretary, s.cid, 0);
      expect(JSON.stringify(entries)).not.toContain('13800001111');

      // A HEAD request is answered like the GET, without the body, and shows nobody anything.
      const before = await lastSequence(s.secretary, s.cid);
      const head = await fetch(`${w.t.baseUrl}/api/households/${phoned}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${s.secretary.token}` },
      });
      expect(head.status).toBe(200);
      expect(await lastSequence(s.secretary, s.cid)).toBe(before);
    });
  },
  { adminNickname },
);
