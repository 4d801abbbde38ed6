import {
  ErrorCode,
  MembershipStatus,
  PRIVACY_NOTICE_VERSION,
  Role,
  WishStatus,
  WishView,
} from '@redvest/contract';
import { errorOf } from './errors';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { unique } from './harness';
import { givePoints, key } from './ledger-fixtures';
import {
  assignedDemand,
  countOf,
  everyStoredText,
  pointsBalance,
  privacyCommunity,
} from './privacy-fixtures';
import { publishedWish } from './wish-fixtures';
import { itOnMariaDb } from './databases';
import { describeWithApp } from './world';

describeWithApp(
  'membership by consent: invitations, leaving, removal, and no user ids for residents',
  (w) => {
    const stranger = async (nickname = unique('路人')) => {
      const user = await w.t.login(unique('stranger'), nickname);
      await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
      return Object.assign(user, { nickname });
    };
    const membershipsOf = (userId: string) =>
      countOf(w.t, 'SELECT COUNT(*) AS n FROM memberships WHERE user_id = ?', [userId]);

    describe('adding someone who never asked', () => {
      it('is refused as a role change, and learns nothing about the person', async () => {
        const { community, secretary } = await newCommunity(w.t, w.admin);
        const someone = await stranger('不想被加的人');
        const refused = await errorOf(
          secretary.communities.setMember(community.id, { userId: someone.userId, roles: [Role.Volunteer] }),
        );
        expect(refused).toMatchObject({ status: 422, code: ErrorCode.InvitationRequired });
        expect(JSON.stringify(refused)).not.toContain(someone.nickname);
        expect(await membershipsOf(someone.userId)).toBe(0);
      });

      it('takes an invitation the person accepts; the inviter sees no nickname before that', async () => {
        const { community, secretary } = await newCommunity(w.t, w.admin);
        const someone = await stranger('被邀请的人');
        const invitation = await secretary.communities.invite(community.id, {
          userId: someone.userId,
          roles: [Role.PartyMember],
          employer: '区税务局',
        });
        expect(invitation).toMatchObject({
          userId: someone.userId,
          communityName: community.name,
          roles: [Role.PartyMember, Role.Resident],
          employer: '区税务局',
          status: 'pending',
        });
        expect(JSON.stringify(invitation)).not.toContain(someone.nickname);
        expect(JSON.stringify(await secretary.communities.invitations(community.id))).not.toContain(
          someone.nickname,
        );
        expect(await membershipsOf(someone.userId)).toBe(0);
        expect(await errorOf(someone.communities.get(community.id))).toMatchObject({
          code: ErrorCode.NotCommunityMember,
        });

        const mine = await someone.me.invitations();
        expect(mine.items.map((i) => [i.id, i.status, i.invitedBy])).toEqual([
          [invitation.id, 'pending', expect.any(String)],
        ]);
        expect((await someone.notifications.inbox()).items[0].title).toBe(`${community.name}邀请您加入`);

        const accepted = await someone.invitations.accept(invitation.id);
        expect(accepted).toMatchObject({ status: 'accepted', answeredAt: expect.any(String) });
        expect((await someone.me.get()).memberships).toEqual([
          expect.objectContaining({
            communityId: community.id,
            status: MembershipStatus.Active,
            roles: [Role.PartyMember, Role.Resident],
            employer: '区税务局',
          }),
        ]);
        expect(await errorOf(someone.invitations.accept(invitation.id))).toMatchObject({
          status: 409,
          code: ErrorCode.InvitationAnswered,
        });
        expect(
          await errorOf(secretary.communities.invite(community.id, { userId: someone.userId, roles: [] })),
        ).toMatchObject({ status: 409, code: ErrorCode.MemberExists });
      });

      it("can be declined, and nobody can answer someone else's invitation", async () => {
        const { community, secretary } = await newCommunity(w.t, w.admin);
        const someone = await stranger();
        const nosy = await stranger();
        const invitation = await secretary.communities.invite(community.id, {
          userId: someone.userId,
          roles: [Role.Volunteer],
        });
        // Each answer is sent when it is awaited: a refusal that arrived before its promise was awaited would
        // count as an unhandled rejection and fail the test at random.
        for (const answer of [
          () => nosy.invitations.accept(invitation.id),
          () => nosy.invitations.decline(invitation.id),
        ]) {
          expect(await errorOf(answer())).toMatchObject({ status: 404, code: ErrorCode.InvitationNotFound });
        }
        expect(await errorOf(secretary.invitations.accept(invitation.id))).toMatchObject({ status: 404 });
        expect((await nosy.me.invitations()).items).toEqual([]);
        expect(await membershipsOf(nosy.userId)).toBe(0);

        expect(await someone.invitations.decline(invitation.id)).toMatchObject({ status: 'declined' });
        expect(await membershipsOf(someone.userId)).toBe(0);
        expect(await errorOf(someone.invitations.accept(invitation.id))).toMatchObject({
          code: ErrorCode.InvitationAnswered,
        });
        // Asking again renews the one invitation; it waits for a new answer.
        const again = await secretary.communities.invite(community.id, { userId: someone.userId, roles: [] });
        expect(again).toMatchObject({ id: invitation.id, status: 'pending', answeredAt: null });
      });

      it('asks for the privacy notice before accepting, as for joining', async () => {
        const { community, secretary } = await newCommunity(w.t, w.admin);
        const someone = await w.t.login(unique('no-consent'));
        const invitation = await secretary.communities.invite(community.id, {
          userId: someone.userId,
          roles: [],
        });
        expect(await errorOf(someone.invitations.accept(invitation.id))).toMatchObject({
          status: 403,
          code: ErrorCode.PrivacyNotAgreed,
        });
        expect(await membershipsOf(someone.userId)).toBe(0);
      });

      it("keeps the platform admin's first secretary, by invitation or for someone who asked to join", async () => {
        const community = await w.admin.communities.create({ name: unique('新社区') });
        const first = await stranger();
        const invitation = await w.admin.communities.invite(community.id, {
          userId: first.userId,
          roles: [Role.Secretary],
        });
        await first.invitations.accept(invitation.id);
        expect((await first.me.get()).memberships[0].roles).toContain(Role.Secretary);

        const other = await w.admin.communities.create({ name: unique('新社区') });
        const { inviteCode } = other;
        const applicant = await stranger();
        await applicant.communities.join(other.id, {
          inviteCode: inviteCode!,
          realName: '林书记',
          phone: '13811112222',
        });
        const named = await w.admin.communities.setMember(other.id, {
          userId: applicant.userId,
          roles: [Role.Secretary],
        });
        expect(named).toMatchObject({ status: MembershipStatus.Active, realName: '林书记' });
      });
    });

    describe('invitations that can no longer be answered', () => {
      const invitationIn = async (reader: LoggedIn, cid: string, id: string) =>
        (await reader.communities.invitations(cid)).items.find((i) => i.id === id);
      /** An invitation left open by an earlier version of the server, next to a membership. */
      const reopen = (id: string) =>
        w.t.dataSource.query(
          "UPDATE community_invitations SET status = 'pending', answered_at = NULL WHERE id = ?",
          [id],
        );

      it('closes the invitation when the person joins with the invite code instead', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const someone = await stranger();
        const invitation = await s.secretary.communities.invite(s.cid, {
          userId: someone.userId,
          roles: [Role.PartyMember],
        });
        await someone.communities.join(s.cid, {
          inviteCode: s.inviteCode,
          realName: '苏申请',
          phone: '13900001212',
        });
        expect(await invitationIn(s.secretary, s.cid, invitation.id)).toMatchObject({
          status: 'closed',
          answeredAt: expect.any(String),
        });
        expect((await someone.me.invitations()).items.map((i) => i.status)).toEqual(['closed']);
        // The application waits for the secretary: the invitation cannot make it a membership with roles.
        expect(await errorOf(someone.invitations.accept(invitation.id))).toMatchObject({
          status: 409,
          code: ErrorCode.InvitationAnswered,
        });
        expect((await someone.me.get()).memberships).toEqual([
          expect.objectContaining({ status: MembershipStatus.Pending, roles: [Role.Resident] }),
        ]);
      });

      it('closes an invitation left open when the applicant is verified, given roles, leaves or is removed', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const applicant = async (realName: string) => {
          const someone = await stranger();
          const invitation = await s.secretary.communities.invite(s.cid, {
            userId: someone.userId,
            roles: [Role.Secretary],
          });
          await someone.communities.join(s.cid, { inviteCode: s.inviteCode, realName, phone: '13900001313' });
          await reopen(invitation.id);
          return { someone, invitation };
        };
        const verified = await applicant('钟审核');
        await s.secretary.communities.verifyMember(s.cid, verified.someone.userId);
        const given = await applicant('钟角色');
        await s.secretary.communities.setMember(s.cid, { userId: given.someone.userId, roles: [] });
        const leaving = await applicant('钟退出');
        await leaving.someone.communities.leave(s.cid);
        const removed = await applicant('钟移除');
        await s.secretary.communities.removeMember(s.cid, removed.someone.userId, { reason: '重复申请' });

        for (const { someone, invitation } of [verified, given, leaving, removed]) {
          expect((await invitationIn(s.secretary, s.cid, invitation.id))?.status).toBe('closed');
          expect(await errorOf(someone.invitations.accept(invitation.id))).toMatchObject({
            code: ErrorCode.InvitationAnswered,
          });
        }
        // None of them became a secretary through the old invitation.
        for (const { someone } of [verified, given])
          expect((await someone.me.get()).memberships[0].roles).toEqual([Role.Resident]);
      });

      it('refuses an invitation whose inviter is no longer a secretary of the community', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const demoted = await memberWith(w.t, s.secretary, s.cid, [Role.Secretary]);
        const departed = await memberWith(w.t, s.secretary, s.cid, [Role.Secretary]);
        const first = await stranger();
        const second = await stranger();
        const fromDemoted = await demoted.communities.invite(s.cid, {
          userId: first.userId,
          roles: [Role.Secretary],
        });
        const fromDeparted = await departed.communities.invite(s.cid, { userId: second.userId, roles: [] });
        await s.secretary.communities.setMember(s.cid, { userId: demoted.userId, roles: [Role.Volunteer] });
        await departed.communities.leave(s.cid);

        for (const [who, invitation] of [
          [first, fromDemoted],
          [second, fromDeparted],
        ] as const) {
          const refused = await errorOf(who.invitations.accept(invitation.id));
          expect(refused).toMatchObject({
            status: 409,
            code: ErrorCode.InviterNotAuthorised,
            message: expect.stringContaining('已不再是本社区的社区书记'),
          });
          expect(await membershipsOf(who.userId)).toBe(0);
          // Refused, nothing changed: it may still be declined, or renewed by a secretary.
          expect((await who.me.invitations()).items[0].status).toBe('pending');
        }
        const renewed = await s.secretary.communities.invite(s.cid, { userId: first.userId, roles: [] });
        expect(await first.invitations.accept(renewed.id)).toMatchObject({ status: 'accepted' });
      });

      it('lets a secretary cancel a pending invitation, once, in their own community only', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const other = await privacyCommunity(w.t, w.admin);
        const someone = await stranger();
        const invitation = await s.secretary.communities.invite(s.cid, { userId: someone.userId, roles: [] });

        expect(
          await errorOf(other.secretary.communities.cancelInvitation(other.cid, invitation.id)),
        ).toMatchObject({ status: 404, code: ErrorCode.InvitationNotFound });
        const resident = await s.person('邹居民', '13900001414', [Role.Resident]);
        expect(await errorOf(resident.communities.cancelInvitation(s.cid, invitation.id))).toMatchObject({
          status: 403,
        });

        const cancelled = await s.secretary.communities.cancelInvitation(s.cid, invitation.id);
        expect(cancelled).toMatchObject({
          id: invitation.id,
          status: 'cancelled',
          answeredAt: expect.any(String),
        });
        expect(await errorOf(someone.invitations.accept(invitation.id))).toMatchObject({
          status: 409,
          code: ErrorCode.InvitationAnswered,
        });
        expect(await membershipsOf(someone.userId)).toBe(0);
        expect(await errorOf(s.secretary.communities.cancelInvitation(s.cid, invitation.id))).toMatchObject({
          status: 409,
          code: ErrorCode.InvitationAnswered,
        });
        expect((await someone.me.invitations()).items.map((i) => i.status)).toEqual(['cancelled']);
        // Inviting again renews it.
        const again = await s.secretary.communities.invite(s.cid, { userId: someone.userId, roles: [] });
        expect(again).toMatchObject({ id: invitation.id, status: 'pending' });
      });
    });

    describe('leaving and being removed', () => {
      it('lets a member leave: open claims go back, orders are refunded, the ledger stays whole', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const resident = await s.person('孙大妈', '13900001111', [Role.Resident], '302');
        const leaver = await s.person('周志愿', '13900002222', [Role.Volunteer]);
        const wish = await publishedWish(s.secretary, resident, s.cid);
        await leaver.wishes.claim(wish.id);
        const own = await leaver.wishes.post(s.cid, {
          title: '想找人下棋',
          description: '周末下午',
          category: '文化娱乐',
        });
        await givePoints(s.secretary, s.cid, leaver.userId, 30);
        const reward = await s.secretary.rewards.create(s.cid, { name: '香皂', cost: 10, stock: 2 });
        const order = await leaver.rewards.redeem(reward.id, 1, key());

        const ended = await leaver.communities.leave(s.cid);
        expect(ended).toMatchObject({
          communityId: s.cid,
          claimsReleased: 1,
          wishesCancelled: 1,
          redemptionsRefunded: 1,
        });
        expect((await leaver.me.get()).memberships).toEqual([]);
        expect(await errorOf(leaver.wishes.list(s.cid))).toMatchObject({
          code: ErrorCode.NotCommunityMember,
        });
        expect((await resident.wishes.get(wish.id)).status).toBe(WishStatus.Published);
        expect((await s.secretary.wishes.get(own.id)).status).toBe(WishStatus.Cancelled);
        expect((await s.secretary.rewards.orders(s.cid)).items.find((o) => o.id === order.id)?.status).toBe(
          'cancelled',
        );
        // The person is not erased: points stay theirs, and the community's records keep their name.
        const kept = await leaver.me.exportData();
        expect(kept.points.accounts.find((a) => a.unit === 'points')).toMatchObject({
          communityId: s.cid,
          balance: 30,
        });
        expect(kept.formerMemberships).toEqual([
          expect.objectContaining({ communityId: s.cid, kind: 'left' }),
        ]);
        expect(
          (await s.secretary.points.statement(s.cid, leaver.userId, new Date().getFullYear())).name,
        ).toBe('周志愿');
        expect(await s.secretary.points.verify(s.cid)).toMatchObject({ ok: true });
        const [departure] = await w.t.dataSource.query(
          'SELECT kind, real_name, reason FROM membership_departures WHERE user_id = ?',
          [leaver.userId],
        );
        expect(departure).toEqual({ kind: 'left', real_name: '周志愿', reason: null });
        const copies = await w.t.dataSource.query(
          'SELECT place_enc, phone_enc FROM wishes WHERE author_id = ?',
          [leaver.userId],
        );
        expect(copies).toEqual([{ place_enc: null, phone_enc: null }]);

        // They may come back with the invite code, as a new applicant.
        const back = await leaver.communities.join(s.cid, {
          inviteCode: s.inviteCode,
          realName: '周志愿',
          phone: '13900002222',
        });
        expect(back.status).toBe(MembershipStatus.Pending);
      });

      itOnMariaDb('leaves nothing open when claims and redemptions race the leaving (MariaDB)', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const resident = await s.person('罗奶奶', '13900009999', [Role.Resident], '302');
        const leaver = await s.person('蒋志愿', '13900001234', [Role.Volunteer]);
        await givePoints(s.secretary, s.cid, leaver.userId, 100);
        const reward = await s.secretary.rewards.create(s.cid, { name: '挂面', cost: 5, stock: 50 });
        const wishes: WishView[] = [];
        for (let i = 0; i < 3; i++)
          wishes.push(await publishedWish(s.secretary, resident, s.cid, { title: `想请人帮忙${i}` }));
        // Requests that pass the access check while the leaving runs, and reach the database after it.
        const later = <T>(ms: number, call: () => Promise<T>) =>
          new Promise((resolve) => setTimeout(resolve, ms)).then(call);
        const results = await Promise.allSettled([
          leaver.communities.leave(s.cid),
          ...[0, 10, 25].map((ms, i) => later(ms, () => leaver.wishes.claim(wishes[i].id))),
          ...[0, 5, 10, 20, 30, 45].map((ms) => later(ms, () => leaver.rewards.redeem(reward.id, 1, key()))),
        ]);
        const left = results[0];
        expect(left.status === 'rejected' ? String((left as PromiseRejectedResult).reason) : 'ok').toBe('ok');
        const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        // Refused inside the transaction, or by the access check once the leaving is over (the wish and the
        // reward then belong to a community the caller is not in: 404).
        for (const r of refused)
          expect([ErrorCode.NotCommunityMember, ErrorCode.NotFound]).toContain(r.reason.code);

        expect(
          await countOf(
            w.t,
            "SELECT COUNT(*) AS n FROM redemptions WHERE user_id = ? AND status = 'placed'",
            [leaver.userId],
          ),
        ).toBe(0);
        expect(
          await countOf(w.t, 'SELECT COUNT(*) AS n FROM wishes WHERE claimer_id = ?', [leaver.userId]),
        ).toBe(0);
        expect(await pointsBalance(w.t, leaver.userId)).toBe(100);
        expect((await s.secretary.rewards.list(s.cid)).items.find((r) => r.id === reward.id)?.stock).toBe(50);
        expect(await s.secretary.points.verify(s.cid)).toMatchObject({ ok: true });
      });

      it('lets an applicant withdraw, and refuses the last secretary (two leaving at once: one stays)', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const applicantNamed = async (realName: string) => {
          const user = await stranger();
          await user.communities.join(s.cid, { inviteCode: s.inviteCode, realName, phone: '13900003333' });
          return user;
        };
        const applicant = await applicantNamed('吴申请');
        await applicant.communities.leave(s.cid);
        expect(await membershipsOf(applicant.userId)).toBe(0);
        // Never a member: no name is kept for the community's records, for a withdrawal or a refusal alike.
        const turnedDown = await applicantNamed('郑申请');
        await s.secretary.communities.removeMember(s.cid, turnedDown.userId, { reason: '不是本社区居民' });
        const departures = await w.t.dataSource.query(
          'SELECT user_id, kind, real_name FROM membership_departures WHERE user_id IN (?, ?) ORDER BY kind',
          [applicant.userId, turnedDown.userId],
        );
        expect(departures).toEqual([
          { user_id: applicant.userId, kind: 'left', real_name: null },
          { user_id: turnedDown.userId, kind: 'removed', real_name: null },
        ]);
        for (const row of await everyStoredText(w.t))
          expect([row.table, row.text.includes('吴申请') || row.text.includes('郑申请')]).toEqual([
            row.table,
            false,
          ]);

        expect(await errorOf(s.secretary.communities.leave(s.cid))).toMatchObject({
          status: 422,
          code: ErrorCode.LastSecretaryMustHandOver,
        });
        const second = await memberWith(w.t, s.secretary, s.cid, [Role.Secretary]);
        const results = await Promise.allSettled([
          s.secretary.communities.leave(s.cid),
          second.communities.leave(s.cid),
        ]);
        const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        expect(refused.map((r) => r.reason.code)).toEqual([ErrorCode.LastSecretaryMustHandOver]);
        const secretaries =
          "SELECT COUNT(*) AS n FROM membership_roles WHERE community_id = ? AND role = 'secretary'";
        expect(await countOf(w.t, secretaries, [s.cid])).toBe(1);
      });

      it('lets a secretary remove a member with a reason; the member is told and keeps their records', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const branch = await s.person('钱支书', '13900004444', [Role.Resident]);
        const compounds = (await s.secretary.communities.compounds(s.cid)).items;
        await s.secretary.communities.setMember(s.cid, {
          userId: branch.userId,
          roles: [Role.BranchSecretary],
          compoundId: compounds[0].id,
        });
        const member = await s.person('冯成员', '13900005555', [Role.PartyMember]);
        const path = `/api/communities/${s.cid}/members/${member.userId}/remove`;
        expect(await errorOf(s.secretary.raw('POST', path, { body: {} }))).toMatchObject({
          status: 400,
          code: ErrorCode.ValidationFailed,
        });
        expect(
          await errorOf(branch.communities.removeMember(s.cid, member.userId, { reason: '搬走了' })),
        ).toMatchObject({
          status: 403,
        });
        expect(
          await errorOf(s.secretary.communities.removeMember(s.cid, s.secretary.userId, { reason: '自己' })),
        ).toMatchObject({ status: 422, code: ErrorCode.RemoveSelfNotAllowed });
        const outsider = await stranger();
        expect(
          await errorOf(s.secretary.communities.removeMember(s.cid, outsider.userId, { reason: '不是成员' })),
        ).toMatchObject({ status: 404, code: ErrorCode.MemberNotFound });
        expect(await membershipsOf(member.userId)).toBe(1);

        await givePoints(s.secretary, s.cid, member.userId, 20);
        await s.secretary.communities.removeMember(s.cid, member.userId, { reason: '已搬离本社区' });
        expect(await errorOf(member.communities.get(s.cid))).toMatchObject({
          code: ErrorCode.NotCommunityMember,
        });
        const told = (await member.notifications.inbox()).items[0];
        expect(told).toMatchObject({ title: `您已被移出“${s.community.name}”` });
        expect(told.body).toContain('已搬离本社区');
        const kept = await member.me.exportData();
        expect(kept.points.accounts.find((a) => a.unit === 'points')?.balance).toBe(20);
        expect(kept.formerMemberships).toEqual([
          expect.objectContaining({ kind: 'removed', reason: '已搬离本社区', realName: '冯成员' }),
        ]);
        expect((await s.secretary.communities.members(s.cid)).items.map((m) => m.userId)).not.toContain(
          member.userId,
        );
        expect(await s.secretary.points.verify(s.cid)).toMatchObject({ ok: true });
      });
    });

    describe('what residents see', () => {
      it('carries no user ids on the leaderboard and the wish wall; reviewers still get theirs', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const author = await s.person('陈阿姨', '13900006666', [Role.Resident]);
        const helper = await s.person('韩志愿', '13900007777', [Role.Volunteer]);
        const viewer = await s.person('许居民', '13900008888', [Role.Resident], '401');
        const wish = await publishedWish(s.secretary, author, s.cid);
        await publishedWish(s.secretary, author, s.cid, { title: '想找人陪聊天' });
        await helper.wishes.claim(wish.id);
        await givePoints(s.secretary, s.cid, helper.userId, 40);
        await givePoints(s.secretary, s.cid, author.userId, 10);
        const ids = [author.userId, helper.userId, s.secretary.userId];

        const board = await viewer.points.leaderboard(s.cid);
        expect(board.items.map((i) => [i.key, i.name, i.earned])).toEqual([
          ['1', '韩*愿', 40],
          ['2', '陈*姨', 10],
        ]);
        const wall = await viewer.wishes.list(s.cid);
        const claimed = await viewer.wishes.get(wish.id).catch(() => null);
        for (const shown of [board, wall, claimed])
          for (const id of ids) expect(JSON.stringify(shown)).not.toContain(id);
        expect(wall.items.every((w) => w.authorId === null && w.claimerId === null && !w.mine)).toBe(true);

        expect((await author.wishes.list(s.cid, { mine: 'posted' })).items.every((w) => w.mine)).toBe(true);
        expect(await helper.wishes.get(wish.id)).toMatchObject({ claimedByMe: true, claimerId: null });
        expect(await s.secretary.wishes.get(wish.id)).toMatchObject({
          authorId: author.userId,
          claimerId: helper.userId,
        });

        // A confirmed wish is on show to everyone: its helper's name is masked for those not close to it.
        await helper.wishes.fulfil(wish.id, { note: '修好了' });
        await author.wishes.confirm(wish.id, { thanks: '谢谢' });
        expect(await viewer.wishes.get(wish.id)).toMatchObject({ authorName: '陈*姨', claimerName: '韩*愿' });
        expect(await author.wishes.get(wish.id)).toMatchObject({ claimerName: '韩志愿' });
      });

      it('masks names and leaves out user ids on resources, service projects and demands', async () => {
        const s = await privacyCommunity(w.t, w.admin);
        const offerer = await s.person('欧阳提供', '13900006661', [Role.PartyMember]);
        const taker = await s.person('司徒接单', '13900006662', [Role.PartyMember]);
        const raiser = await s.person('上官诉求', '13900006663', [Role.Resident], '302');
        const viewer = await s.person('许旁观', '13900006664', [Role.Volunteer], '401');
        const ids = [offerer.userId, taker.userId, raiser.userId, s.secretary.userId];
        const noIds = (shown: unknown) => {
          for (const id of ids) expect(JSON.stringify(shown)).not.toContain(id);
        };

        const resource = await offerer.contact.offerResource(s.cid, { kind: 'skill', title: '水电维修' });
        const demand = await assignedDemand(s, raiser, '302', taker, '卫生间水管渗水');
        const project = await s.secretary.contact.createProject(s.cid, {
          title: '更换水管',
          mode: 'community_dispatch',
          takerId: taker.userId,
          demandId: demand.id,
          resourceId: resource.id,
        });
        expect(project).toMatchObject({ takerId: taker.userId, takerName: '司徒接单', takenByMe: false });

        const resources = await viewer.contact.resources(s.cid);
        expect(resources.items.map((r) => r.offeredBy)).toEqual(['欧**供']);
        const projects = await viewer.contact.projects(s.cid);
        expect(projects.items).toEqual([
          expect.objectContaining({ takerId: null, takerName: '司**单', takenByMe: false, demandText: null }),
        ]);
        noIds([resources, projects]);

        // The people concerned see their own names, and what they need to do the job.
        expect((await offerer.contact.resources(s.cid)).items[0].offeredBy).toBe('欧阳提供');
        const takers = await taker.contact.projects(s.cid);
        expect(takers.items[0]).toMatchObject({ takerId: null, takerName: '司徒接单', takenByMe: true });
        const raised = await raiser.contact.demands(s.cid, { mine: 'raised' });
        expect(raised.items).toEqual([
          expect.objectContaining({
            raisedBy: null,
            raisedByName: '上官诉求',
            assigneeId: null,
            assigneeName: '司**单',
          }),
        ]);
        const assigned = await taker.contact.demands(s.cid, { mine: 'assigned' });
        expect(assigned.items).toEqual([
          expect.objectContaining({ raisedBy: null, raisedByName: '上官诉求', assigneeName: '司徒接单' }),
        ]);
        const started = await taker.contact.transitionDemand(demand.id, { action: 'start' });
        expect(started).toMatchObject({ raisedBy: null, assigneeId: null });
        noIds([takers, raised, assigned, started]);

        // The secretary routes demands and dispatches projects: names in full, and the ids to act on.
        expect((await s.secretary.contact.resources(s.cid)).items[0].offeredBy).toBe('欧阳提供');
        expect((await s.secretary.contact.projects(s.cid)).items[0]).toMatchObject({
          takerId: taker.userId,
          takerName: '司徒接单',
        });
        expect((await s.secretary.contact.demands(s.cid)).items[0]).toMatchObject({
          raisedBy: raiser.userId,
          raisedByName: '上官诉求',
          assigneeId: taker.userId,
          assigneeName: '司徒接单',
        });
      });
    });
  },
);
