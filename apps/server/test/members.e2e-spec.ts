import { ErrorCode, MembershipStatus, PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';
import { errorOf } from './errors';
import { csvFile, joinedUser, memberWith, newCommunity } from './fixtures';
import { itOnMariaDb } from './databases';
import { describeWithCommunity } from './world';

describeWithCommunity('joining a community and managing members', (w) => {
  let inviteCode: string;

  beforeAll(async () => {
    inviteCode = (await w.c.secretary.communities.get(w.c.community.id)).inviteCode!;
    await w.c.secretary.communities.importHouseholds(
      w.c.community.id,
      csvFile('小区,楼栋,单元,楼层,房号\n东苑,1栋,1单元,3,301\n西苑,2栋,,1,101'),
    );
  });

  it('asks for the privacy notice before any personal data', async () => {
    const user = await w.t.login('no-consent-yet');
    expect((await user.me.get()).privacy).toEqual({
      agreedVersion: null,
      currentVersion: PRIVACY_NOTICE_VERSION,
    });
    const error = await errorOf(
      user.communities.join(w.c.community.id, { inviteCode, realName: '赵六', phone: '13800000000' }),
    );
    expect(error).toMatchObject({ status: 403, code: ErrorCode.PrivacyNotAgreed });
    expect(await errorOf(user.me.agreePrivacy('1999-01'))).toMatchObject({ status: 400 });
    const me = await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    expect(me.privacy.agreedVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(me.memberships).toEqual([]);
    expect((await w.t.anonymous.privacy()).body).toContain('手机号码');
  });

  it('joins with the invite code and a compound, pending until a secretary verifies', async () => {
    const user = await w.t.login('joiner');
    await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    const lookup = await user.invites.lookup(inviteCode.toLowerCase());
    expect(lookup).toMatchObject({ communityId: w.c.community.id, communityName: w.c.community.name });
    const east = lookup.compounds.find((x) => x.name === '东苑')!;
    const joined = await user.communities.join(w.c.community.id, {
      inviteCode,
      realName: '钱七',
      phone: '+86 139 1234 5678',
      compoundId: east.id,
    });
    expect(joined).toMatchObject({
      status: MembershipStatus.Pending,
      roles: [Role.Resident],
      compound: east,
    });
    expect(
      await errorOf(
        user.communities.join(w.c.community.id, { inviteCode, realName: '钱七', phone: '13912345678' }),
      ),
    ).toMatchObject({
      status: 409,
      code: ErrorCode.AlreadyMember,
    });
    const pending = await w.c.secretary.communities.members(w.c.community.id, {
      status: MembershipStatus.Pending,
    });
    expect(pending.items.map((m) => m.userId)).toContain(user.userId);
    const verified = await w.c.secretary.communities.verifyMember(w.c.community.id, user.userId);
    expect(verified).toMatchObject({
      status: MembershipStatus.Active,
      realName: '钱七',
      phone: '13912345678',
    });
    expect((await user.me.get()).memberships[0]).toMatchObject({
      status: MembershipStatus.Active,
      realName: '钱七',
    });
  });

  it('refuses a wrong invite code, a bad phone and unknown fields, and saves nothing', async () => {
    const user = await w.t.login('wrong-code');
    await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    expect(
      await errorOf(
        user.communities.join(w.c.community.id, {
          inviteCode: 'WRONG123',
          realName: '孙八',
          phone: '13912345678',
        }),
      ),
    ).toMatchObject({
      status: 422,
      code: ErrorCode.InviteCodeInvalid,
      message: '邀请码不正确，请向社区工作人员确认',
    });
    const bad = await errorOf(
      user.communities.join(w.c.community.id, { inviteCode, realName: '孙八', phone: '12345' }),
    );
    expect(bad).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
    expect(bad.details).toEqual([{ field: 'phone', message: '手机号格式不正确' }]);
    const extra = await errorOf(
      user.raw('POST', `/api/communities/${w.c.community.id}/join`, {
        body: { inviteCode, realName: '孙八', phone: '13912345678', role: 'secretary' },
      }),
    );
    expect(extra.details).toEqual([{ field: 'role', message: '不允许提交此字段' }]);
    expect((await user.me.get()).memberships).toEqual([]);
  });

  it('finds members by part of their name', async () => {
    const found = await w.c.secretary.communities.members(w.c.community.id, { q: '钱' });
    expect(found.items.map((m) => m.realName)).toEqual(['钱七']);
    expect((await w.c.secretary.communities.members(w.c.community.id, { q: '100%' })).items).toEqual([]);
  });

  it('stores the phone encrypted and shows it in full only to the secretary', async () => {
    const user = await joinedUser(w.t, w.c.community.id, inviteCode, '13722223333');
    const [row] = await w.t.dataSource.query('SELECT phone_enc FROM memberships WHERE user_id = ?', [
      user.userId,
    ]);
    expect(row.phone_enc).toMatch(/^v1\./);
    expect(row.phone_enc).not.toContain('13722223333');
    const listed = (await w.c.secretary.communities.members(w.c.community.id)).items.find(
      (m) => m.userId === user.userId,
    );
    expect(listed?.phone).toBe('13722223333');
  });

  it("replaces a member's roles, records the employer, and requires a compound for a branch secretary", async () => {
    const user = await memberWith(w.t, w.c.secretary, w.c.community.id, [Role.Volunteer]);
    const compounds = (await w.c.secretary.communities.compounds(w.c.community.id)).items;
    expect(
      await errorOf(
        w.c.secretary.communities.setMember(w.c.community.id, {
          userId: user.userId,
          roles: [Role.BranchSecretary],
        }),
      ),
    ).toMatchObject({
      status: 400,
      code: ErrorCode.CompoundRequired,
    });
    const updated = await w.c.secretary.communities.setMember(w.c.community.id, {
      userId: user.userId,
      roles: [Role.PartyMember, Role.BranchSecretary],
      compoundId: compounds[0].id,
      employer: '区人民医院',
    });
    expect(updated).toMatchObject({
      roles: [Role.BranchSecretary, Role.PartyMember, Role.Resident],
      branchCompounds: [compounds[0]],
      employer: '区人民医院',
    });
    const again = await w.c.secretary.communities.setMember(w.c.community.id, {
      userId: user.userId,
      roles: [Role.Volunteer],
    });
    expect(again.roles).toEqual([Role.Volunteer, Role.Resident]);
    expect(again.branchCompounds).toEqual([]);
    expect((await w.c.secretary.communities.employers(w.c.community.id)).items).toEqual([
      { id: expect.any(String), name: '区人民医院', memberCount: 1 },
    ]);
  });

  it('refuses unknown roles, unknown users and removing the last secretary', async () => {
    const user = await w.t.login('someone');
    const unknownRole = await errorOf(
      w.c.secretary.raw('POST', `/api/communities/${w.c.community.id}/members`, {
        body: { userId: user.userId, roles: ['king'] },
      }),
    );
    expect(unknownRole).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
    expect(
      await errorOf(
        w.c.secretary.communities.setMember(w.c.community.id, {
          userId: '01900000-0000-7000-8000-000000000000',
          roles: [],
        }),
      ),
    ).toMatchObject({
      status: 404,
      code: ErrorCode.UserNotFound,
    });
    expect(
      await errorOf(
        w.c.secretary.communities.setMember(w.c.community.id, {
          userId: w.c.secretary.userId,
          roles: [Role.Volunteer],
        }),
      ),
    ).toMatchObject({
      status: 422,
      code: ErrorCode.LastSecretary,
    });
    expect((await w.c.secretary.me.get()).memberships[0].roles).toContain(Role.Secretary);
  });

  itOnMariaDb(
    'keeps one secretary when two secretaries demote each other at the same moment (MariaDB)',
    async () => {
      const c = await newCommunity(w.t, w.admin);
      const second = await memberWith(w.t, c.secretary, c.community.id, [Role.Secretary]);
      const results = await Promise.allSettled([
        c.secretary.communities.setMember(c.community.id, { userId: second.userId, roles: [Role.Resident] }),
        second.communities.setMember(c.community.id, { userId: c.secretary.userId, roles: [Role.Resident] }),
      ]);
      const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(failures).toHaveLength(1);
      expect([ErrorCode.LastSecretary, ErrorCode.Forbidden]).toContain(failures[0].reason.code);
      const [{ n }] = await w.t.dataSource.query(
        "SELECT COUNT(*) AS n FROM membership_roles WHERE community_id = ? AND role = 'secretary'",
        [c.community.id],
      );
      expect(Number(n)).toBe(1);
    },
  );

  it('rotates the invite code so the old one stops working', async () => {
    const old = (await w.c.secretary.communities.get(w.c.community.id)).inviteCode!;
    const rotated = await w.c.secretary.communities.rotateInviteCode(w.c.community.id);
    expect(rotated.inviteCode).not.toBe(old);
    const user = await w.t.login('late-joiner');
    await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    expect(await errorOf(user.invites.lookup(old))).toMatchObject({ status: 422 });
    inviteCode = rotated.inviteCode!;
  });
});
