import {
  AuditAction,
  AuditActorRole,
  ErrorCode,
  PRIVACY_NOTICE_VERSION,
  Role,
  toIsoLocal,
  Unit,
  WishStatus,
} from '@redvest/contract';
import { activity } from './checkin-fixtures';
import { auditProbe, download, today } from './audit-fixtures';
import { errorOf } from './errors';
import { csvFile, invitedMember, joinedUser, LoggedIn, memberWith } from './fixtures';
import { unique } from './harness';
import { key, pendingAward } from './ledger-fixtures';
import { WISH } from './wish-fixtures';
import { describeWithApp } from './world';

jest.setTimeout(120_000);

const SHEET = [
  '小区,楼栋,单元,楼层,房号',
  '东区,3栋,,1,101',
  '东区,3栋,,1,102',
  '东区,3栋,,2,201',
  '西区,1栋,,1,101',
].join('\n');

/**
 * 审计日志: every secretary and admin action writes exactly one entry with the right actor, role and target, in
 * the same transaction as the change; actions a member takes for themselves and failed actions write none.
 */
describeWithApp('audit log: what each action writes', (w) => {
  let secretary: LoggedIn;
  let cid: string;
  let east: string;
  let branch: LoggedIn;
  let volunteer: LoggedIn;
  let resident: LoggedIn;
  let members: LoggedIn[];
  const probe = auditProbe(
    () => secretary,
    () => cid,
  );
  const as = (who: LoggedIn, actorRole: AuditActorRole) => ({ actorId: who.userId, actorRole });

  it('records the platform admin creating a community and naming its first secretary', async () => {
    const community = await w.admin.communities.create({ name: unique('社区'), street: '襄阳街道' });
    cid = community.id;
    // The invitation is the admin's act; accepting it is the secretary's own and writes nothing.
    secretary = await invitedMember(w.t, w.admin, cid, [Role.Secretary], 'secretary');
    const log = (await secretary.audit.log(cid)).items;
    expect(log.map((e) => [e.sequence, e.action, e.actorRole, e.targetType])).toEqual([
      [2, AuditAction.MemberInvite, 'platform_admin', 'member'],
      [1, AuditAction.CommunityCreate, 'platform_admin', 'community'],
    ]);
    expect(log[0]).toMatchObject({
      actorId: w.admin.userId,
      actorRoleLabel: '平台管理员',
      targetId: secretary.userId,
      subjectId: secretary.userId,
      summary: '邀请以社区书记、居民的身份加入（对方同意后生效）',
    });
    expect(log[1]).toMatchObject({ targetId: cid, summary: expect.stringContaining('创建社区') });
    probe.tried.add(AuditAction.CommunityCreate);
  });

  it('records where a change came from: the IP the proxy names and the user agent', async () => {
    await probe.writes(
      {
        action: AuditAction.InviteCodeRotate,
        ...as(secretary, Role.Secretary),
        targetType: 'community',
        targetId: cid,
        ip: '203.0.113.9',
        userAgent: 'RedVestTest/1.0',
      },
      () =>
        secretary.raw('POST', `/api/communities/${cid}/invite-code/rotate`, {
          headers: { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'RedVestTest/1.0' },
        }),
    );
    const [entry] = (await secretary.audit.log(cid, { limit: 1 })).items;
    const { inviteCode } = await secretary.communities.get(cid);
    // No secret in the log: the new code is not written down.
    expect(entry.summary).not.toContain(inviteCode!);
  });

  it('records members: roles, verification, and the member list with full phones', async () => {
    await probe.writes({ action: AuditAction.HouseholdsImport, ...as(secretary, Role.Secretary) }, () =>
      secretary.communities.importHouseholds(cid, csvFile(SHEET)),
    );
    await probe.writesNothing(() =>
      secretary.communities.importHouseholds(cid, csvFile('小区,楼栋,单元,楼层,房号\n东区,3栋,,一楼,101')),
    );
    const compounds = (await secretary.communities.compounds(cid)).items;
    east = compounds.find((c) => c.name === '东区')!.id;

    const user = await w.t.login(unique('member'));
    await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    const invitation = await probe.writes(
      {
        action: AuditAction.MemberInvite,
        ...as(secretary, Role.Secretary),
        targetType: 'member',
        targetId: user.userId,
        subjectId: user.userId,
        summary: '邀请以志愿者、居民的身份加入（对方同意后生效）',
      },
      () => secretary.communities.invite(cid, { userId: user.userId, roles: [Role.Volunteer] }),
    );
    await probe.writesNothing(() => user.invitations.accept(invitation.id));
    const changedMind = await w.t.login(unique('member'));
    const withdrawn = await secretary.communities.invite(cid, {
      userId: changedMind.userId,
      roles: [Role.Volunteer],
    });
    await probe.writes(
      {
        action: AuditAction.MemberInviteCancel,
        ...as(secretary, Role.Secretary),
        targetType: 'member',
        targetId: changedMind.userId,
        subjectId: changedMind.userId,
        summary: '撤销尚未回复的邀请（邀请的身份：志愿者、居民）',
      },
      () => secretary.communities.cancelInvitation(cid, withdrawn.id),
    );
    await probe.writesNothing(() => secretary.communities.cancelInvitation(cid, withdrawn.id));
    // Someone who never asked to join is invited, not given roles: nothing happened, nothing is written.
    await probe.writesNothing(() =>
      secretary.communities.setMember(cid, { userId: w.admin.userId, roles: [] }),
    );
    volunteer = user;
    await probe.writes(
      {
        action: AuditAction.MemberRolesSet,
        summary: '角色设为：在职党员、居民（原为：志愿者、居民）；原单位：市税务局',
      },
      () =>
        secretary.communities.setMember(cid, {
          userId: user.userId,
          roles: [Role.PartyMember],
          employer: '市税务局',
        }),
    );
    await secretary.communities.setMember(cid, { userId: user.userId, roles: [Role.Volunteer] });
    await probe.writesNothing(() =>
      secretary.communities.setMember(cid, { userId: secretary.userId, roles: [Role.Volunteer] }),
    );

    const { inviteCode } = await secretary.communities.get(cid);
    resident = await joinedUser(w.t, cid, inviteCode!, '13900001111');
    await probe.writes(
      { action: AuditAction.MemberVerify, ...as(secretary, Role.Secretary), subjectId: resident.userId },
      () => secretary.communities.verifyMember(cid, resident.userId),
    );
    await probe.writesNothing(() => secretary.communities.verifyMember(cid, resident.userId));
    await probe.writesNothing(() => secretary.communities.verifyMember(cid, w.admin.userId));

    branch = await memberWith(w.t, secretary, cid, [Role.BranchSecretary], east);
    await probe.writes(
      { action: AuditAction.MemberListView, ...as(secretary, Role.Secretary), targetType: 'community' },
      () => secretary.communities.members(cid),
    );
    // A branch secretary sees the phones masked: nothing to record.
    await probe.writesNothing(() => branch.communities.members(cid));
    const entry = (await secretary.audit.log(cid, { action: AuditAction.MemberListView })).items[0];
    expect(entry.summary).not.toMatch(/1390000/);
  });

  it('records a secretary removing a member, not a member leaving', async () => {
    const leaving = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    await probe.writesNothing(() => leaving.communities.leave(cid));
    const removed = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    await probe.writes(
      {
        action: AuditAction.MemberRemove,
        ...as(secretary, Role.Secretary),
        targetId: removed.userId,
        subjectId: removed.userId,
        summary: '移除成员（原因：已搬离本社区）；服务记录与积分账本保留',
      },
      () => secretary.communities.removeMember(cid, removed.userId, { reason: '已搬离本社区' }),
    );
    await probe.writesNothing(() =>
      secretary.communities.removeMember(cid, removed.userId, { reason: '再移除一次' }),
    );
  });

  it('records changes to buildings and households', async () => {
    const building = (await secretary.communities.buildings(cid)).items.find((b) => b.name === '3栋')!;
    await probe.writes(
      {
        action: AuditAction.BuildingUpdate,
        targetType: 'building',
        targetId: building.id,
        summary: '楼栋名称“3栋”改为“3号楼”',
      },
      () => secretary.buildings.update(building.id, { name: '3号楼' }),
    );
    const household = (await secretary.communities.households(cid, { buildingId: building.id })).items.find(
      (h) => h.room === '101',
    )!;
    await probe.writes(
      { action: AuditAction.HouseholdUpdate, targetType: 'household', targetId: household.id },
      () => secretary.households.update(household.id, { room: '103' }),
    );
    await probe.writesNothing(() => secretary.households.update(household.id, { room: '102' }));
  });

  it('records the ledger: adjustments once per key, approvals single and batch, rejections, reversals', async () => {
    members = await Promise.all(
      [1, 2, 3, 4].map(() => memberWith(w.t, secretary, cid, [Role.PartyMember], east)),
    );
    const idempotencyKey = key();
    const adjust = () =>
      secretary.points.adjust(
        cid,
        { userId: volunteer.userId, unit: Unit.Points, amount: 50, reason: '补录纸质台账' },
        idempotencyKey,
      );
    const adjusted = await probe.writes(
      {
        action: AuditAction.PointsAdjust,
        ...as(secretary, Role.Secretary),
        targetType: 'transfer',
        subjectId: volunteer.userId,
        summary: '增加 50 积分（原因：补录纸质台账）',
      },
      adjust,
    );
    // The same request again moves nothing and writes nothing.
    await probe.writesNothing(adjust);
    await probe.writesNothing(() =>
      secretary.points.adjust(
        cid,
        { userId: resident.userId, unit: Unit.Points, amount: -5, reason: '扣' },
        key(),
      ),
    );

    const first = await pendingAward(w.t, cid, members[0].userId);
    await probe.writes(
      {
        action: AuditAction.PointsApprove,
        ...as(branch, Role.BranchSecretary),
        targetId: first.points.id,
        subjectId: members[0].userId,
        summary: '通过：志愿服务签到 15 积分 + 120 分钟',
      },
      () => branch.approvals.approve(first.points.id),
    );
    await probe.writesNothing(() => secretary.approvals.approve(first.points.id));
    const second = await pendingAward(w.t, cid, members[1].userId);
    await probe.writesNothing(() => secretary.approvals.reject(second.points.id, ''));
    await probe.writes(
      {
        action: AuditAction.PointsReject,
        targetId: second.points.id,
        summary: expect.stringContaining('原因：重复签到'),
      },
      () => secretary.approvals.reject(second.points.id, '重复签到'),
    );
    const batch = await Promise.all([
      pendingAward(w.t, cid, members[2].userId),
      pendingAward(w.t, cid, members[3].userId),
    ]);
    await probe.writes(
      { action: AuditAction.PointsApprove, summary: expect.stringMatching(/^批量通过/) },
      () =>
        secretary.approvals.batch(cid, {
          transferIds: [...batch.map((b) => b.points.id), first.points.id],
          action: 'approve',
        }),
      2,
    );
    await probe.writes(
      { action: AuditAction.PointsReverse, targetId: adjusted.id, subjectId: volunteer.userId },
      () => secretary.points.reverse(adjusted.id, '录错了人'),
    );
    await probe.writesNothing(() => secretary.points.reverse(adjusted.id, '再冲一次'));
  });

  it('records rewards, pickups, and a secretary cancelling a member’s order (not the member’s own)', async () => {
    await secretary.points.adjust(
      cid,
      { userId: volunteer.userId, unit: Unit.Points, amount: 100, reason: '发放' },
      key(),
    );
    const reward = await probe.writes({ action: AuditAction.RewardCreate, targetType: 'reward' }, () =>
      secretary.rewards.create(cid, { name: '洗衣液', cost: 20, stock: 10 }),
    );
    await probe.writes(
      { action: AuditAction.RewardUpdate, summary: '修改“洗衣液”：积分 20 → 25；下架' },
      () => secretary.rewards.update(reward.id, { cost: 25, active: false }),
    );
    await secretary.rewards.update(reward.id, { active: true });
    const picked = await volunteer.rewards.redeem(reward.id, 1, key());
    await probe.writes(
      { action: AuditAction.RedemptionPickup, targetId: picked.id, subjectId: volunteer.userId },
      () => secretary.rewards.pickUp(picked.id),
    );
    await probe.writesNothing(() => secretary.rewards.pickUp(picked.id));
    const own = await volunteer.rewards.redeem(reward.id, 1, key());
    await probe.writesNothing(() => volunteer.rewards.cancel(own.id, { reason: '不要了' }));
    const theirs = await volunteer.rewards.redeem(reward.id, 1, key());
    await probe.writes(
      { action: AuditAction.RedemptionCancel, ...as(secretary, Role.Secretary), subjectId: volunteer.userId },
      () => secretary.rewards.cancel(theirs.id, { reason: '商品缺货' }),
    );
  });

  it('records activities, proxy check-ins, exports, corrections and a certificate a secretary downloads', async () => {
    const created = await probe.writes({ action: AuditAction.ActivityCreate, targetType: 'activity' }, () =>
      activity(secretary, cid, { title: '楼道清扫' }),
    );
    await probe.writes(
      {
        action: AuditAction.ActivityUpdate,
        targetId: created.id,
        summary: expect.stringContaining('积分规则 每次 10 积分 → 每满一小时 5 积分'),
      },
      () =>
        secretary.activities.update(created.id, {
          place: '3号楼',
          pointsRule: { kind: 'per_hour', points: 5 },
        }),
    );
    const checkedIn = await probe.writes(
      {
        action: AuditAction.ProxyCheckin,
        targetType: 'attendance',
        subjectId: volunteer.userId,
        summary: '代签到：“楼道清扫”',
      },
      () => secretary.activities.proxyCheckin(created.id, { userId: volunteer.userId, action: 'check_in' }),
    );
    await probe.writesNothing(() =>
      secretary.activities.proxyCheckin(created.id, { userId: volunteer.userId, action: 'check_in' }),
    );
    await probe.writes(
      { action: AuditAction.ProxyCheckin, targetId: checkedIn.id, summary: expect.stringMatching(/^代签退/) },
      () => secretary.activities.proxyCheckin(created.id, { userId: volunteer.userId, action: 'check_out' }),
    );
    await probe.writes({ action: AuditAction.AttendanceExport, targetId: created.id }, async () => {
      expect(
        (await download(w.t, secretary, `/api/activities/${created.id}/attendances/export`)).status,
      ).toBe(200);
    });

    const accepted = await volunteer.records.requestCorrection(checkedIn.id, {
      minutes: 60,
      reason: '忘了签退',
    });
    await probe.writes(
      { action: AuditAction.CorrectionAccept, targetId: accepted.id, subjectId: volunteer.userId },
      () => secretary.records.accept(accepted.id, '已核实'),
    );
    await probe.writesNothing(() => secretary.records.refuse(accepted.id, '重复处理'));
    const second = await activity(secretary, cid, { title: '义务理发' });
    const attendance = await secretary.activities.proxyCheckin(second.id, {
      userId: volunteer.userId,
      action: 'check_in',
    });
    await secretary.activities.proxyCheckin(second.id, { userId: volunteer.userId, action: 'check_out' });
    const refused = await volunteer.records.requestCorrection(attendance.id, {
      minutes: 90,
      reason: '多干了一会',
    });
    await probe.writes(
      { action: AuditAction.CorrectionRefuse, summary: '不同意更正（原因：与签到记录相符）' },
      () => secretary.records.refuse(refused.id, '与签到记录相符'),
    );
    await probe.writes({ action: AuditAction.ActivityCancel, targetId: second.id }, () =>
      secretary.activities.cancel(second.id, '下雨'),
    );

    const monthAgo = toIsoLocal(new Date(Date.now() - 30 * 24 * 3600_000)).slice(0, 10);
    const certificate = await volunteer.records.issueCertificate({
      communityId: cid,
      from: monthAgo,
      to: today(),
    });
    await probe.writesNothing(() => download(w.t, volunteer, certificate.pdfUrl));
    await probe.writes(
      {
        action: AuditAction.CertificateDownload,
        ...as(secretary, Role.Secretary),
        targetType: 'certificate',
        targetId: certificate.code,
        subjectId: volunteer.userId,
      },
      async () => expect((await download(w.t, secretary, certificate.pdfUrl)).status).toBe(200),
    );
  });

  it('records wish reviews, 代发, dispatch, 代确认 and the thank-you letter a secretary downloads', async () => {
    await probe.writesNothing(() => resident.wishes.post(cid, WISH));
    const posted = (await secretary.wishes.list(cid, { status: WishStatus.PendingReview })).items[0];
    await probe.writes(
      {
        action: AuditAction.WishPublish,
        targetType: 'wish',
        targetId: posted.id,
        subjectId: resident.userId,
      },
      () => secretary.wishes.review(posted.id, { action: 'publish' }),
    );
    const another = await resident.wishes.post(cid, { ...WISH, title: '想学用智能手机' });
    await probe.writes(
      { action: AuditAction.WishReject, summary: '驳回（原因：请到社区活动室报名培训）' },
      () => secretary.wishes.review(another.id, { action: 'reject', reason: '请到社区活动室报名培训' }),
    );
    const onBehalf = await probe.writes(
      { action: AuditAction.WishPostOnBehalf, ...as(secretary, Role.Secretary), subjectId: resident.userId },
      () => secretary.wishes.post(cid, { ...WISH, title: '代王大爷发布', onBehalfOf: resident.userId }),
    );
    await probe.writes(
      { action: AuditAction.WishDispatch, targetId: onBehalf.id, subjectId: members[0].userId },
      () => secretary.wishes.dispatch(onBehalf.id, members[0].userId),
    );
    await probe.writesNothing(() => members[0].wishes.fulfil(onBehalf.id, { note: '修好了' }));
    await probe.writes(
      { action: AuditAction.WishConfirmOnBehalf, targetId: onBehalf.id, subjectId: resident.userId },
      () => secretary.wishes.confirm(onBehalf.id, {}),
    );
    await probe.writesNothing(() => download(w.t, members[0], `/api/wishes/${onBehalf.id}/letter`));
    await probe.writes(
      { action: AuditAction.ThankYouLetterDownload, targetId: onBehalf.id, subjectId: members[0].userId },
      async () =>
        expect((await download(w.t, secretary, `/api/wishes/${onBehalf.id}/letter`)).status).toBe(200),
    );
    await probe.writes({ action: AuditAction.WishPointsUpdate, summary: '维修服务 10 → 15 积分' }, () =>
      secretary.wishes.setPoints(cid, { 维修服务: 15, 生活帮扶: 10 }),
    );
  });

  it('records family links and unlinks, and what a family member does for the resident', async () => {
    const [elder, son, helper] = await Promise.all(
      [Role.Resident, Role.Resident, Role.PartyMember].map((role) => memberWith(w.t, secretary, cid, [role])),
    );
    const family = as(son, 'family');
    await probe.writesNothing(() => elder.family.createCode(cid));
    const { code } = await elder.family.createCode(cid);
    const { link } = await probe.writes(
      { action: AuditAction.FamilyLink, ...family, targetType: 'family_link', subjectId: elder.userId },
      () => son.family.link({ code }),
    );
    const forElder = (title: string) =>
      probe.writes({ action: AuditAction.FamilyWishPost, ...family, subjectId: elder.userId }, () =>
        son.wishes.post(cid, { ...WISH, title, onBehalfOf: elder.userId }),
      );
    const toCancel = await forElder('想请人读报');
    await probe.writes({ action: AuditAction.FamilyWishCancel, ...family, targetId: toCancel.id }, () =>
      son.wishes.cancel(toCancel.id),
    );
    const done = await forElder('灯泡坏了');
    await secretary.wishes.review(done.id, { action: 'publish' });
    await helper.wishes.claim(done.id);
    await helper.wishes.fulfil(done.id, { note: '换好了' });
    await probe.writes({ action: AuditAction.FamilyWishDispute, ...family, targetId: done.id }, () =>
      son.wishes.dispute(done.id, '还不亮'),
    );
    await helper.wishes.fulfil(done.id, { note: '又换了一个' });
    await probe.writes({ action: AuditAction.FamilyWishConfirm, ...family, targetId: done.id }, () =>
      son.wishes.confirm(done.id, {}),
    );
    // The resident's own acts on her wishes write nothing.
    await probe.writesNothing(() => elder.wishes.post(cid, { ...WISH, title: '自己发的' }));
    await probe.writes(
      {
        action: AuditAction.FamilyUnlink,
        ...as(elder, Role.Resident),
        targetId: link.id,
        subjectId: son.userId,
      },
      () => elder.family.unlink(link.id),
    );
  });

  it('records contact groups, assignments and releases, settings, demand routing and service projects', async () => {
    await probe.writes(
      { action: AuditAction.ContactSettingsUpdate, summary: '每组人数上限 3 → 4；逾期天数 90 → 90' },
      () => secretary.contact.updateSettings(cid, { contactGroupSize: 4 }),
    );
    const group = await probe.writes(
      { action: AuditAction.ContactGroupCreate, targetType: 'contact_group', subjectId: members[0].userId },
      () =>
        secretary.contact.createGroup(cid, {
          name: '3号楼小组',
          memberIds: members.slice(0, 3).map((m) => m.userId),
          leaderId: members[0].userId,
          compoundId: east,
        }),
    );
    await probe.writes(
      { action: AuditAction.ContactGroupUpdate, summary: '名称“3号楼小组”改为“3号楼党员小组”；加入 1 人' },
      () =>
        secretary.contact.updateGroup(group.id, {
          name: '3号楼党员小组',
          memberIds: members.map((m) => m.userId),
        }),
    );
    const building = (await secretary.communities.buildings(cid)).items.find((b) => b.name === '3号楼')!;
    await probe.writes(
      {
        action: AuditAction.HouseholdsAssign,
        targetId: group.id,
        summary: '给“3号楼党员小组”分配 3 户（1–2 层）',
      },
      () => secretary.contact.assign(group.id, { buildingId: building.id, floorFrom: 1, floorTo: 2 }),
    );
    const households = (await secretary.communities.households(cid, { buildingId: building.id })).items;
    await probe.writes({ action: AuditAction.HouseholdsRelease, summary: '从“3号楼党员小组”收回 1 户' }, () =>
      secretary.contact.release(group.id, { householdIds: [households[0].id] }),
    );
    const visited = households[1];
    await probe.writesNothing(() =>
      members[1].contact.visit(visited.id, { visitedAt: new Date().toISOString(), phone: '13812340000' }),
    );
    await probe.writes(
      {
        action: AuditAction.HouseholdCardView,
        ...as(secretary, Role.Secretary),
        targetType: 'household',
        targetId: visited.id,
        summary: expect.stringMatching(/^查看住户 3号楼 \d+ 的卡片，含完整电话 1 个$/),
      },
      () => secretary.contact.household(visited.id),
    );
    // The branch secretary sees the phone masked: nothing to record.
    await probe.writesNothing(() => branch.contact.household(visited.id));

    const demand = await resident.contact.raiseDemand(cid, { category: '环境卫生', text: '楼道灯坏了' });
    await probe.writes(
      {
        action: AuditAction.DemandRoute,
        targetId: demand.id,
        subjectId: resident.userId,
        summary: '受理：已上报 → 已受理',
      },
      () => secretary.contact.transitionDemand(demand.id, { action: 'accept' }),
    );
    await probe.writes({ action: AuditAction.DemandRoute, subjectId: members[1].userId }, () =>
      secretary.contact.transitionDemand(demand.id, { action: 'assign', assigneeId: members[1].userId }),
    );
    await probe.writesNothing(() => members[1].contact.transitionDemand(demand.id, { action: 'start' }));
    const other = await resident.contact.raiseDemand(cid, { category: '医疗健康', text: '想找人陪诊' });
    await probe.writes(
      { action: AuditAction.DemandToWish, targetId: other.id, subjectId: resident.userId },
      () => secretary.contact.demandToWish(other.id),
    );
    await probe.writesNothing(() => secretary.contact.demandToWish(other.id));

    const project = await probe.writes(
      {
        action: AuditAction.ServiceProjectCreate,
        targetType: 'service_project',
        subjectId: members[2].userId,
      },
      () =>
        secretary.contact.createProject(cid, {
          title: '陪诊',
          mode: 'community_dispatch',
          takerId: members[2].userId,
        }),
    );
    await probe.writes({ action: AuditAction.ServiceProjectDone, targetId: project.id }, () =>
      secretary.contact.finishProject(project.id),
    );
    const taken = await secretary.contact.createProject(cid, { title: '理发', mode: 'member_take' });
    await members[2].contact.takeProject(taken.id);
    await probe.writesNothing(() => members[2].contact.finishProject(taken.id));

    await probe.writes(
      {
        action: AuditAction.ContactGroupDissolve,
        targetId: group.id,
        summary: '解散“3号楼党员小组”，结束 2 户的包户',
      },
      () => secretary.contact.dissolve(group.id),
    );
    await probe.writesNothing(() => secretary.contact.dissolve(group.id));
  });

  it('records ratings in the role they are given in, and the annual report spreadsheet', async () => {
    const year = Number(today().slice(0, 4));
    await secretary.contact.createGroup(cid, {
      name: '第二小组',
      memberIds: [members[1].userId, members[2].userId],
      leaderId: members[1].userId,
    });
    await probe.writes(
      {
        action: AuditAction.EvaluationRate,
        ...as(members[1], Role.GroupLeader),
        targetId: members[2].userId,
        summary: `${year} 年小组评价：优秀`,
      },
      () => members[1].contact.rate(cid, members[2].userId, { year, level: 'group', grade: 'excellent' }),
    );
    await probe.writes(
      {
        action: AuditAction.EvaluationRate,
        ...as(secretary, Role.Secretary),
        summary: `${year} 年社区评价：合格`,
      },
      () => secretary.contact.rate(cid, members[2].userId, { year, level: 'community', grade: 'good' }),
    );
    await probe.writesNothing(() =>
      members[1].contact.rate(cid, members[1].userId, { year, level: 'group', grade: 'excellent' }),
    );
    await probe.writes(
      { action: AuditAction.AnnualReportExport, targetType: 'report', targetId: `annual:${year}` },
      async () =>
        expect(
          (await download(w.t, secretary, `/api/communities/${cid}/reports/annual/export?year=${year}`))
            .status,
        ).toBe(200),
    );
  });

  it('records its own export', async () => {
    await probe.writes(
      {
        action: AuditAction.AuditLogExport,
        summary: expect.stringMatching(/^导出 \d+ 条（动作：积分审批通过）$/),
      },
      async () =>
        expect(
          (
            await download(
              w.t,
              secretary,
              secretary.audit.exportPath(cid, { action: AuditAction.PointsApprove }),
            )
          ).status,
        ).toBe(200),
    );
  });

  it('has tried every audit action there is', () => {
    expect(Object.values(AuditAction).filter((a) => !probe.tried.has(a))).toEqual([]);
  });

  it('writes nothing when a caller is refused at the door', async () => {
    await probe.writesNothing(async () => {
      expect(await errorOf(volunteer.communities.rotateInviteCode(cid))).toMatchObject({
        code: ErrorCode.Forbidden,
      });
    });
  });
});
