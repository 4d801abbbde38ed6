import {
  ACCOUNT_DELETION_CONFIRMATION,
  AuditAction,
  ErrorCode,
  FamilyJoinDetails,
  PATTERNS,
  PRIVACY_NOTICE_VERSION,
  Role,
  WishStatus,
} from '@redvest/contract';
import { auditProbe, entriesAfter, lastSequence } from './audit-fixtures';
import { errorOf } from './errors';
import { linkFamily } from './family-fixtures';
import { joinedUser, LoggedIn, memberWith } from './fixtures';
import { FamilyLink, FamilyLinkCode } from '../src/family/family-link.entity';
import { unique } from './harness';
import { newId } from '../src/database/ids';
import { WISH } from './wish-fixtures';
import { describeWithCommunity } from './world';

jest.setTimeout(120_000);

/**
 * 家人代办: a resident's one-time code links a family member, who then posts, confirms, disputes and withdraws
 * the resident's wishes for them and sees them; every link, unlink and act for the resident is in 审计日志.
 */
describeWithCommunity('family links (家人代办)', (w) => {
  let secretary: LoggedIn;
  let grandma: LoggedIn;
  let son: LoggedIn;
  let member: LoggedIn;
  let neighbour: LoggedIn;
  const probe = auditProbe(
    () => secretary,
    () => w.cid,
  );
  const rows = async (sql: string, params: unknown[] = []) =>
    Number(((await w.t.dataSource.query(sql, params)) as { n: number | string }[])[0].n);
  const activeLinks = () => rows('SELECT COUNT(*) AS n FROM family_links WHERE active IS NOT NULL');

  beforeAll(async () => {
    secretary = w.c.secretary;
    // Joined with the invite code, each with their own phone, and verified.
    const { inviteCode } = await secretary.communities.get(w.cid);
    grandma = await joinedUser(w.t, w.cid, inviteCode!, '13912345678');
    son = await joinedUser(w.t, w.cid, inviteCode!, '13800002222');
    for (const who of [grandma, son]) await secretary.communities.verifyMember(w.cid, who.userId);
    member = await memberWith(w.t, secretary, w.cid, [Role.PartyMember]);
    neighbour = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
  });

  it('gives the resident a one-time code for 24 hours; a new code voids the old one', async () => {
    const first = await grandma.family.createCode(w.cid);
    expect(first.code).toMatch(PATTERNS.familyCode);
    const hours = (Date.parse(first.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const second = await grandma.family.createCode(w.cid);
    expect((await grandma.family.overview(w.cid)).code).toEqual(second);
    expect(await errorOf(son.family.link({ code: first.code }))).toMatchObject({
      status: 422,
      code: ErrorCode.FamilyCodeInvalid,
    });
  });

  it('links a member with the code as typed, once, and records it', async () => {
    const { code } = await grandma.family.createCode(w.cid);
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const result = await probe.writes(
      {
        action: AuditAction.FamilyLink,
        actorId: son.userId,
        actorRole: 'family',
        actorRoleLabel: '居民家人',
        targetType: 'family_link',
        subjectId: grandma.userId,
        summary: '凭居民生成的代码关联为家人',
      },
      () => son.family.link({ code: typed }),
    );
    expect(result).toMatchObject({ membershipStatus: 'active', link: { residentId: grandma.userId } });
    expect(result.link.name).toContain('*');
    const mine = await grandma.family.overview(w.cid);
    expect(mine.code).toBeNull();
    expect(mine.family).toEqual([result.link]);
    expect(mine.residents).toEqual([]);
    const his = await son.family.overview(w.cid);
    expect(his.residents.map((l) => [l.id, l.residentId])).toEqual([[result.link.id, grandma.userId]]);

    await probe.writesNothing(async () => {
      expect(await errorOf(neighbour.family.link({ code }))).toMatchObject({
        status: 409,
        code: ErrorCode.FamilyCodeUsed,
      });
    });
  });

  it('refuses a wrong, expired or own code and a second link of the same pair, changing nothing', async () => {
    const before = await activeLinks();
    const refusals = async (call: () => Promise<unknown>, status: number, code: ErrorCode) =>
      probe.writesNothing(async () => expect(await errorOf(call())).toMatchObject({ status, code }));
    await refusals(() => son.family.link({ code: 'ABCD2345' }), 422, ErrorCode.FamilyCodeInvalid);
    await refusals(() => son.family.link({ code: '0000OOOO' }), 422, ErrorCode.FamilyCodeInvalid);
    await refusals(() => son.family.link({ code: '' }), 400, ErrorCode.ValidationFailed);
    const own = await grandma.family.createCode(w.cid);
    await refusals(() => grandma.family.link({ code: own.code }), 422, ErrorCode.FamilySelfLink);
    await refusals(() => son.family.link({ code: own.code }), 409, ErrorCode.FamilyAlreadyLinked);
    await w.t.dataSource
      .getRepository(FamilyLinkCode)
      .update({ code: own.code }, { expiresAt: new Date(Date.now() - 1000) });
    await refusals(() => neighbour.family.link({ code: own.code }), 409, ErrorCode.FamilyCodeExpired);
    expect(await activeLinks()).toBe(before);
  });

  it('keeps one active link per pair in the database itself, beside any number of ended ones', async () => {
    const now = new Date();
    const codes = ['2222AAAA', '2222AAAB', '2222AAAC', '2222AAAD'].map((code) => ({
      id: newId(),
      communityId: w.cid,
      residentId: grandma.userId,
      code,
      createdAt: now,
      expiresAt: now,
      usedAt: now,
      usedBy: neighbour.userId,
    }));
    await w.t.dataSource.getRepository(FamilyLinkCode).insert(codes);
    const links = w.t.dataSource.getRepository(FamilyLink);
    const link = (codeId: string, active: true | null) =>
      links.insert({
        id: newId(),
        communityId: w.cid,
        residentId: grandma.userId,
        familyId: neighbour.userId,
        active,
        codeId,
        linkedAt: now,
        endedAt: active ? null : now,
        endedBy: null,
        endReason: active ? null : 'removed',
      });
    await link(codes[0].id, null);
    await link(codes[1].id, null);
    await link(codes[2].id, true);
    await expect(link(codes[3].id, true)).rejects.toThrow();
    await links.update({ codeId: codes[2].id }, { active: null, endedAt: now, endReason: 'removed' });
  });

  it('posts a wish for the resident: hers, reviewed, with her phone, and says the family posted it', async () => {
    const wish = await probe.writes(
      {
        action: AuditAction.FamilyWishPost,
        actorId: son.userId,
        actorRole: 'family',
        targetType: 'wish',
        subjectId: grandma.userId,
        summary: '家人代居民发布心愿（维修服务），等待审核',
      },
      () => son.wishes.post(w.cid, { ...WISH, title: '灯泡坏了', onBehalfOf: grandma.userId }),
    );
    expect(wish).toMatchObject({ status: WishStatus.PendingReview, mine: false, forFamily: true });
    expect(wish.postedByFamily).toBeTruthy();
    // The phone the resident registered, not the family member's.
    expect(wish.contactPhone).toBe('13912345678');
    const hers = await grandma.wishes.get(wish.id);
    expect(hers).toMatchObject({ mine: true, postedOnBehalf: true, postedByFamily: wish.postedByFamily });
    expect(hers.timeline![0]).toMatchObject({ action: 'post', label: '家人代为发布', asFamily: true });
    const reviewed = await secretary.wishes.get(wish.id);
    expect(reviewed).toMatchObject({ authorId: grandma.userId, postedByFamily: wish.postedByFamily });
    const listed = await son.wishes.list(w.cid, { mine: 'family' });
    expect(listed.items.map((x) => x.id)).toContain(wish.id);
    expect((await neighbour.wishes.list(w.cid, { mine: 'family' })).items).toEqual([]);

    await probe.writesNothing(async () => {
      expect(
        await errorOf(neighbour.wishes.post(w.cid, { ...WISH, onBehalfOf: grandma.userId })),
      ).toMatchObject({ status: 403, code: ErrorCode.FamilyNotLinked });
    });
    expect(await errorOf(neighbour.wishes.get(wish.id))).toMatchObject({ code: ErrorCode.WishNotFound });
  });

  it('confirms, or disputes, a fulfilled wish for the resident, with the points waiting for a secretary', async () => {
    const fulfilled = async (title: string) => {
      const posted = await son.wishes.post(w.cid, { ...WISH, title, onBehalfOf: grandma.userId });
      await secretary.wishes.review(posted.id, { action: 'publish' });
      await member.wishes.claim(posted.id);
      return member.wishes.fulfil(posted.id, { note: '已换好' });
    };
    const toDispute = await fulfilled('水龙头漏水');
    await probe.writesNothing(async () => {
      expect(await errorOf(neighbour.wishes.dispute(toDispute.id, '没修好'))).toMatchObject({
        code: ErrorCode.WishNotFound,
      });
    });
    const disputed = await probe.writes(
      { action: AuditAction.FamilyWishDispute, actorRole: 'family', subjectId: grandma.userId },
      () => son.wishes.dispute(toDispute.id, '还在滴水'),
    );
    expect(disputed.status).toBe(WishStatus.Claimed);

    const toConfirm = await fulfilled('门铃不响');
    await probe.writesNothing(async () => {
      expect(await errorOf(neighbour.wishes.confirm(toConfirm.id, {}))).toMatchObject({
        status: 404,
        code: ErrorCode.WishNotFound,
      });
    });
    const confirmed = await probe.writes(
      {
        action: AuditAction.FamilyWishConfirm,
        actorId: son.userId,
        actorRole: 'family',
        subjectId: grandma.userId,
        summary: '家人代居民确认完成（维修服务）',
      },
      () => son.wishes.confirm(toConfirm.id, { rating: 5, thanks: '谢谢' }),
    );
    expect(confirmed).toMatchObject({ status: WishStatus.Confirmed, confirmation: 'family' });
    const seen = await grandma.wishes.get(toConfirm.id);
    expect(seen.confirmedByFamily).toBe(confirmed.confirmedByFamily);
    expect(seen.timeline!.at(-1)).toMatchObject({ action: 'confirm_on_behalf', label: '家人代为确认' });
    // The claimer is not told who of the family did it.
    expect((await member.wishes.get(toConfirm.id)).confirmedByFamily).toBeNull();
    const queue = await secretary.approvals.queue(w.cid);
    expect(queue.items.some((item) => item.userId === member.userId)).toBe(true);
  });

  it('does not let a family member who fulfilled the wish confirm it for the resident', async () => {
    const helper = await memberWith(w.t, secretary, w.cid, [Role.PartyMember]);
    await linkFamily(grandma, helper, w.cid);
    const posted = await helper.wishes.post(w.cid, { ...WISH, title: '想理发', onBehalfOf: grandma.userId });
    await secretary.wishes.review(posted.id, { action: 'publish' });
    await helper.wishes.claim(posted.id);
    await helper.wishes.fulfil(posted.id, { note: '理好了' });
    await probe.writesNothing(async () => {
      expect(await errorOf(helper.wishes.confirm(posted.id, {}))).toMatchObject({
        status: 422,
        code: ErrorCode.FamilyClaimerMayNotConfirm,
      });
    });
  });

  it('joins someone outside the community with the code, waiting for verification before acting', async () => {
    const daughter = await w.t.login(unique('daughter'));
    await daughter.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    const { code } = await grandma.family.createCode(w.cid);
    const asked = await errorOf(daughter.family.link({ code }));
    expect(asked).toMatchObject({ status: 403, code: ErrorCode.FamilyJoinRequired });
    expect(asked.details as FamilyJoinDetails).toMatchObject({ communityId: w.cid, compounds: [] });
    expect((asked.details as FamilyJoinDetails).residentName).toContain('*');
    const joined = await daughter.family.link({ code, join: { realName: '孙小红', phone: '13800001111' } });
    expect(joined.membershipStatus).toBe('pending');
    expect((await daughter.family.overview(w.cid)).residents).toHaveLength(1);
    expect(await errorOf(daughter.wishes.post(w.cid, { ...WISH, onBehalfOf: grandma.userId }))).toMatchObject(
      { code: ErrorCode.MembershipPending },
    );
    await secretary.communities.verifyMember(w.cid, daughter.userId);
    const posted = await daughter.wishes.post(w.cid, { ...WISH, onBehalfOf: grandma.userId });
    expect(posted.postedByFamily).toBe('孙小红');
  });

  it('ends a link when the resident removes it, and the family member can no longer act', async () => {
    const cousin = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
    const linkId = await linkFamily(grandma, cousin, w.cid);
    const pending = await cousin.wishes.post(w.cid, {
      ...WISH,
      title: '想去医院',
      onBehalfOf: grandma.userId,
    });
    await probe.writesNothing(async () => {
      expect(await errorOf(neighbour.family.unlink(linkId))).toMatchObject({
        status: 404,
        code: ErrorCode.FamilyLinkNotFound,
      });
    });
    await probe.writes(
      {
        action: AuditAction.FamilyUnlink,
        actorId: grandma.userId,
        actorRole: Role.Resident,
        targetId: linkId,
        subjectId: cousin.userId,
        summary: '居民解除了与这位家人的关联',
      },
      () => grandma.family.unlink(linkId),
    );
    expect(await errorOf(grandma.family.unlink(linkId))).toMatchObject({
      code: ErrorCode.FamilyLinkNotFound,
    });
    expect(await errorOf(cousin.wishes.get(pending.id))).toMatchObject({ code: ErrorCode.WishNotFound });
    expect(await errorOf(cousin.wishes.post(w.cid, { ...WISH, onBehalfOf: grandma.userId }))).toMatchObject({
      code: ErrorCode.FamilyNotLinked,
    });
    expect((await grandma.family.overview(w.cid)).family.map((l) => l.id)).not.toContain(linkId);
    // The family member is told, in their 消息.
    const [told] = (await cousin.notifications.inbox()).items;
    expect(told).toMatchObject({ title: '家人关联已解除' });
    expect(told.body).toMatch(/^.\*+.?解除了与您的家人关联，您不能再替.\*+.?发布或确认心愿。$/);
    // Linked again with a new code: ended links stay beside the new one.
    await linkFamily(grandma, cousin, w.cid);
  });

  it('ends the links of someone who leaves, is removed or deletes the account, one audit entry each', async () => {
    const [aunt, uncle, elder, nephew] = await Promise.all(
      [1, 2, 3, 4].map(() => memberWith(w.t, secretary, w.cid, [Role.Resident])),
    );
    await linkFamily(elder, aunt, w.cid);
    await linkFamily(aunt, elder, w.cid);
    await linkFamily(elder, uncle, w.cid);
    await linkFamily(nephew, elder, w.cid);
    const unlinks = async (call: () => Promise<unknown>) => {
      const before = await lastSequence(secretary, w.cid);
      await call();
      const fresh = await entriesAfter(secretary, w.cid, before);
      return fresh.map((e) => [e.action, e.actorRole, e.summary]);
    };

    expect(await unlinks(() => aunt.communities.leave(w.cid))).toEqual([
      [AuditAction.FamilyUnlink, 'family', '家人退出社区，家人关联随之解除'],
      [AuditAction.FamilyUnlink, Role.Resident, '居民退出社区，家人关联随之解除'],
    ]);
    expect(
      await unlinks(() => secretary.communities.removeMember(w.cid, uncle.userId, { reason: '搬走了' })),
    ).toEqual([
      [AuditAction.FamilyUnlink, Role.Secretary, '家人被移出社区，家人关联随之解除'],
      [AuditAction.MemberRemove, Role.Secretary, '移除成员（原因：搬走了）；服务记录与积分账本保留'],
    ]);
    expect((await elder.family.overview(w.cid)).family).toEqual([]);
    expect(await unlinks(() => elder.me.deleteAccount({ confirm: ACCOUNT_DELETION_CONFIRMATION }))).toEqual([
      [AuditAction.FamilyUnlink, 'family', '家人注销账号，家人关联随之解除'],
    ]);
    expect((await nephew.family.overview(w.cid)).family).toEqual([]);
    expect(
      await rows(
        'SELECT COUNT(*) AS n FROM family_links WHERE active IS NOT NULL AND (resident_id IN (?, ?, ?) OR family_id IN (?, ?, ?))',
        [aunt.userId, uncle.userId, elder.userId, aunt.userId, uncle.userId, elder.userId],
      ),
    ).toBe(0);
  });

  it('counts wrong codes and stops guessing after ten', async () => {
    const guesser = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
    for (const tail of ['2222', '2223', '2224', '2225', '2226', '2227', '2228', '2229', '2232', '2233'])
      await errorOf(guesser.family.link({ code: `WXYZ${tail}` }));
    expect(await errorOf(guesser.family.link({ code: 'WXYZ3333' }))).toMatchObject({
      status: 429,
      code: ErrorCode.FamilyCodeRateLimited,
    });
  });
});
