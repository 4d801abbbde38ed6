import { PRIVACY_NOTICE_VERSION, Role, Unit } from '@redvest/contract';
import { activity, approveAwardsOf, codeAt, minutesFromNow } from './checkin-fixtures';
import { csvFile, joinedUser, LoggedIn, memberWith, newCommunity } from './fixtures';
import { TestApp, unique } from './harness';
import { linkFamily } from './family-fixtures';
import { key, pendingAward } from './ledger-fixtures';
import { mp3, voiceFile } from './voice-fixtures';
import { photo, WISH } from './wish-fixtures';

/** The callers of the access matrix, in its columns' order. */
export const CALLERS = [
  'anonymous',
  'resident',
  'family',
  'volunteer',
  'partyMember',
  'groupLeader',
  'otherBranch',
  'otherSecretary',
  'secretary',
  'platformAdmin',
] as const;
export type Caller = (typeof CALLERS)[number];

const SHEET = [
  '小区,楼栋,单元,楼层,房号',
  '甲区,1栋,,1,101',
  '甲区,1栋,,1,102',
  '甲区,1栋,,2,201',
  '乙区,9栋,,1,101',
].join('\n');

/**
 * A real community (甲区 and 乙区) with every kind of caller and records of each kind to call routes on. The
 * records belong to people of 甲区: the volunteer's points, orders, attendance and certificate, the resident's
 * wishes and demands, the group leader's group with household 1栋101; `family` is the resident's linked family
 * member (家人代办), who is also the linked family member of the group's second member. `partyMember` is a party member outside
 * that group, `otherBranch` the branch secretary of 乙区, `otherSecretary` the secretary of another community,
 * and the platform admin is a member of neither.
 */
export async function accessWorld(t: TestApp, admin: LoggedIn) {
  const a = await newCommunity(t, admin);
  const b = await newCommunity(t, admin);
  const cid = a.community.id;
  const secretary = a.secretary;
  await secretary.communities.importHouseholds(cid, csvFile(SHEET));
  const compounds = (await secretary.communities.compounds(cid)).items;
  const east = compounds.find((c) => c.name === '甲区')!.id;
  const west = compounds.find((c) => c.name === '乙区')!.id;
  const building = (await secretary.communities.buildings(cid)).items.find((x) => x.name === '1栋')!;
  const households = (await secretary.communities.households(cid, { buildingId: building.id })).items;
  const room = (name: string) => households.find((h) => h.room === name)!;

  const resident = await memberWith(t, secretary, cid, [Role.Resident], east);
  const family = await memberWith(t, secretary, cid, [Role.Resident], east);
  const volunteer = await memberWith(t, secretary, cid, [Role.Volunteer], east);
  const partyMember = await memberWith(t, secretary, cid, [Role.PartyMember], east);
  const groupLeader = await memberWith(t, secretary, cid, [Role.PartyMember], east);
  const groupMate = await memberWith(t, secretary, cid, [Role.PartyMember], east);
  const spare = await Promise.all([1, 2].map(() => memberWith(t, secretary, cid, [Role.PartyMember], east)));
  const otherBranch = await memberWith(t, secretary, cid, [Role.BranchSecretary], west);
  const { inviteCode } = await secretary.communities.get(cid);
  const pendingMember = await joinedUser(t, cid, inviteCode!);

  const group = await secretary.contact.createGroup(cid, {
    name: '1栋小组',
    memberIds: [groupLeader.userId, groupMate.userId],
    leaderId: groupLeader.userId,
    compoundId: east,
  });
  await secretary.contact.assign(group.id, { householdIds: [room('101').id] });
  const spareGroup = await secretary.contact.createGroup(cid, {
    name: '备用小组',
    memberIds: [spare[0].userId],
    leaderId: spare[0].userId,
  });
  const groupToDissolve = await secretary.contact.createGroup(cid, {
    name: '待解散小组',
    memberIds: [spare[1].userId],
    leaderId: spare[1].userId,
  });

  // The ledger: points to spend, a posted adjustment to reverse, awards waiting for approval.
  await secretary.points.adjust(
    cid,
    { userId: volunteer.userId, unit: Unit.Points, amount: 100, reason: '发放' },
    key(),
  );
  const toReverse = await secretary.points.adjust(
    cid,
    { userId: partyMember.userId, unit: Unit.Points, amount: 5, reason: '发放' },
    key(),
  );
  const toApprove = (await pendingAward(t, cid, volunteer.userId)).points;
  const toReject = (await pendingAward(t, cid, volunteer.userId)).points;

  const reward = await secretary.rewards.create(cid, { name: '洗衣液', cost: 5, stock: 100 });
  const toPickUp = await volunteer.rewards.redeem(reward.id, 1, key());
  const toCancel = await volunteer.rewards.redeem(reward.id, 1, key());

  // Activities: one to read and enrol in, one to cancel; closed attendances of three people.
  const main = await activity(secretary, cid, { title: '楼道清扫' });
  const toCancelActivity = await activity(secretary, cid, { title: '义务理发' });
  const served = async (who: LoggedIn) => {
    await secretary.activities.proxyCheckin(main.id, { userId: who.userId, action: 'check_in' });
    return secretary.activities.proxyCheckin(main.id, { userId: who.userId, action: 'check_out' });
  };
  // The volunteer served half an hour (checked in offline 30 minutes ago), so a certificate has something to list.
  const halfHour = await activity(secretary, cid, { title: '敬老院慰问', startAt: minutesFromNow(-40) });
  const at = new Date(Date.now() - 30 * 60_000);
  await volunteer.checkins.scan({ token: codeAt(t, halfHour.number, at), scannedAt: at.toISOString() });
  const { attendance } = await volunteer.checkins.scan({
    token: (await secretary.activities.code(halfHour.id)).token,
    intent: 'check_out',
  });
  const toAccept = await partyMember.records.requestCorrection((await served(partyMember)).id, {
    minutes: 30,
    reason: '忘记签退',
  });
  const toRefuse = await groupLeader.records.requestCorrection((await served(groupLeader)).id, {
    minutes: 30,
    reason: '忘记签退',
  });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await approveAwardsOf(secretary, cid, volunteer.userId);
  const certificate = await volunteer.records.issueCertificate({ communityId: cid, from: today, to: today });
  const upload = await volunteer.uploads.photo(photo());

  // Wishes of the resident, in every state a route acts on; posted for them by the secretary (代发), so the
  // resident stays far from the posting limit.
  const published = (title: string) =>
    secretary.wishes.post(cid, { ...WISH, title, onBehalfOf: resident.userId });
  const claimedBy = async (who: LoggedIn, title: string) => {
    const wish = await published(title);
    return who.wishes.claim(wish.id);
  };
  const fulfilledBy = async (who: LoggedIn, title: string) => {
    const wish = await claimedBy(who, title);
    return who.wishes.fulfil(wish.id, { note: '已完成' });
  };
  const wishes = {
    toRead: await published('想请人陪同去医院'),
    toReview: await resident.wishes.post(cid, { ...WISH, title: '想学用智能手机' }),
    toClaim: await published('门锁坏了'),
    toRelease: await claimedBy(volunteer, '水管漏水'),
    toDispatch: await published('想借一辆轮椅'),
    toFulfil: await claimedBy(volunteer, '阳台晾衣架坏了'),
    toConfirm: await fulfilledBy(partyMember, '灯泡坏了'),
    toDispute: await fulfilledBy(partyMember, '纱窗破了'),
    toCancel: await published('想请人读报'),
    withLetter: await fulfilledBy(partyMember, '电视没信号'),
    // 语音说明 recorded by the secretary posting for the resident, claimed by the volunteer.
    withVoice: await volunteer.wishes.claim(
      (
        await secretary.wishes.post(cid, {
          ...WISH,
          title: '想请人帮忙换水龙头',
          onBehalfOf: resident.userId,
          voiceId: (await secretary.uploads.voice(voiceFile(mp3(2)))).id,
        })
      ).id,
    ),
  };
  await resident.wishes.confirm(wishes.withLetter.id, { thanks: '谢谢' });

  const demand = (text: string) => resident.contact.raiseDemand(cid, { category: '环境卫生', text });
  const demands = { toRoute: await demand('楼道灯坏了'), toWish: await demand('想找人陪诊') };
  const projects = {
    toTake: await secretary.contact.createProject(cid, { title: '义诊', mode: 'member_take' }),
    toFinish: await secretary.contact.createProject(cid, {
      title: '陪诊',
      mode: 'community_dispatch',
      takerId: groupLeader.userId,
    }),
  };

  // Invitations: one to someone who is none of the callers, one more for the secretaries to cancel, and one for
  // each caller from two communities of their own (one to accept, one to decline), so nothing they answer touches
  // the communities the matrix probes.
  await admin.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
  const stranger = await t.login(unique('stranger'));
  const othersInvitation = await secretary.communities.invite(cid, { userId: stranger.userId, roles: [] });
  const toCancelInvitation = await secretary.communities.invite(cid, {
    userId: (await t.login(unique('stranger'))).userId,
    roles: [],
  });
  const everyone = {
    resident,
    family,
    volunteer,
    partyMember,
    groupLeader,
    otherBranch,
    otherSecretary: b.secretary,
    secretary,
    platformAdmin: admin,
  };
  // 家人代办: the resident's link to the family member, and a link of each caller's own to end (`own`).
  const familyLinks = { toRemove: await linkFamily(resident, family, cid), own: new Map<string, string>() };
  familyLinks.own.set(family.userId, await linkFamily(groupMate, family, cid));
  for (const who of [volunteer, partyMember, groupLeader, otherBranch, secretary])
    familyLinks.own.set(who.userId, await linkFamily(who, groupMate, cid));
  const invitationsFrom = async () => {
    const { secretary: inviter, community } = await newCommunity(t, admin);
    const ids = new Map<string, string>();
    for (const who of Object.values(everyone)) {
      const invitation = await inviter.communities.invite(community.id, { userId: who.userId, roles: [] });
      ids.set(who.userId, invitation.id);
    }
    return ids;
  };
  const invitations = {
    others: othersInvitation,
    toCancel: toCancelInvitation,
    toAccept: await invitationsFrom(),
    toDecline: await invitationsFrom(),
  };

  const callers: Record<Caller, LoggedIn | null> = { anonymous: null, ...everyone };
  return {
    cid,
    otherCid: b.community.id,
    inviteCode: inviteCode!,
    callers,
    groupMate,
    pendingMember,
    building,
    household: room('101'),
    otherHousehold: room('102'),
    freeHousehold: room('201'),
    group,
    spareGroup,
    groupToDissolve,
    toReverse,
    toApprove,
    toReject,
    reward,
    toPickUp,
    toCancel,
    main,
    toCancelActivity,
    attendance,
    toAccept,
    toRefuse,
    certificate,
    upload,
    wishes,
    demands,
    projects,
    invitations,
    familyLinks,
  };
}

export type AccessWorld = Awaited<ReturnType<typeof accessWorld>>;
