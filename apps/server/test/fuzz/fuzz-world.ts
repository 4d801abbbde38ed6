import { MembershipStatus, MeResponse, Role, toIsoLocal } from '@redvest/contract';
import { FAKE_APPID, FAKE_PNG, FAKE_SECRET, FakeWechat } from '../fake-wechat';
import { startTestApp, TestApp } from '../harness';
import { LoggedIn } from '../fixtures';
import { mp3, voiceFile } from '../voice-fixtures';

/**
 * The demo community (DEMO_SEED=1), with one of everything a route's path can name, and its secretary
 * as the caller: a platform admin too (PLATFORM_ADMIN_OPENIDS), a party member in the contact group that
 * holds a household, with an attendance, a correction, a certificate and an invitation of their own, so
 * that fuzzed requests pass the guard and reach validation and the services.
 */
export interface FuzzWorld {
  caller: LoggedIn;
  /** A resident of the community (demo-resident), for the routes a resident may call too. */
  resident: LoggedIn;
  /** The value of a path parameter of a route. */
  param(url: string, name: string): string;
  /** Ids of things that exist, for id fields of bodies. */
  ids: string[];
  /** Fresh tokens for the callers when a fuzzed logout ended theirs. */
  logInAgainIfLoggedOut(): Promise<void>;
  /** What a route took from the callers (a role, the membership, the account), or null when they are whole. */
  callersHurt(): Promise<string | null>;
}

export const FUZZ_CALLER = 'demo-secretary';

/** The app with the demo data, the caller made platform admin and WeChat faked, and the world built in it. */
export async function startFuzzWorld(): Promise<{ t: TestApp; world: FuzzWorld; stop(): Promise<void> }> {
  const fake = await new FakeWechat().start();
  let t: TestApp | undefined;
  const stop = async () => {
    await t?.close();
    await fake.stop();
  };
  try {
    t = await startTestApp({
      DEMO_SEED: '1',
      PLATFORM_ADMIN_OPENIDS: FUZZ_CALLER,
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_API_BASE: fake.baseUrl,
    });
    return { t, world: await buildFuzzWorld(t), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function attempt<T>(make: () => Promise<T>): Promise<T | undefined> {
  try {
    return await make();
  } catch {
    return undefined;
  }
}

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const s = await t.login(FUZZ_CALLER);
  await s.me.agreePrivacy((await s.privacy()).version);
  const cid = (await s.me.get()).memberships[0].communityId;
  const community = await s.communities.get(cid);
  const member = await t.login('demo-member-1');
  const volunteer = await t.login('demo-volunteer');
  const resident = await t.login('demo-resident');
  await resident.me.agreePrivacy((await resident.privacy()).version);
  const today = toIsoLocal(new Date()).slice(0, 10);

  const activities = (await s.activities.list(cid, { when: 'running' })).items;
  const activityId = activities[0]?.id ?? (await s.activities.list(cid)).items[0].id;
  const attendanceOf = async (user: LoggedIn) => {
    await attempt(() => s.activities.proxyCheckin(activityId, { userId: user.userId, action: 'check_in' }));
    await attempt(() => s.activities.proxyCheckin(activityId, { userId: user.userId, action: 'check_out' }));
    return (await s.activities.attendances(activityId)).items.find((a) => a.userId === user.userId);
  };
  // The caller's own attendance, corrected to 30 minutes so that it can be certified; the volunteer's
  // correction stays pending for the secretary's routes.
  const attendance = await attendanceOf(s);
  const accepted = attendance
    ? await attempt(() => s.records.requestCorrection(attendance.id, { minutes: 30, reason: '签退晚了' }))
    : undefined;
  if (accepted) await attempt(() => s.records.accept(accepted.id, '属实'));
  const certificate = await attempt(() =>
    s.records.issueCertificate({ communityId: cid, from: `${today.slice(0, 4)}-01-01`, to: today }),
  );
  const volunteersAttendance = await attendanceOf(volunteer);
  const correction = volunteersAttendance
    ? await attempt(() =>
        volunteer.records.requestCorrection(volunteersAttendance.id, { minutes: 20, reason: '忘记签退' }),
      )
    : undefined;

  const rewardId = (await s.rewards.list(cid, true)).items[0].id;
  const redemption = await attempt(() => volunteer.rewards.redeem(rewardId, 1, 'fuzz-world-redemption'));
  const transferId =
    (await s.approvals.queue(cid)).items[0]?.transferId ??
    (await volunteer.points.myTransfers()).items[0]?.id;

  await s.contact.updateSettings(cid, { contactGroupSize: 10 });
  const group = (await s.contact.groups(cid)).items[0];
  await s.contact.updateGroup(group.id, { memberIds: [...group.members.map((m) => m.userId), s.userId] });
  const householdId =
    (await s.contact.myHouseholds()).items[0]?.id ?? (await s.communities.households(cid)).items[0].id;
  const buildingId = (await s.communities.buildings(cid)).items[0].id;

  // An invitation for the caller to answer: to a community of its own, made as the platform admin.
  const elsewhere = await s.communities.create({ name: '邀请社区' });
  const invitation = await attempt(() =>
    s.communities.invite(elsewhere.id, { userId: s.userId, roles: [Role.Resident] }),
  );

  // 家人代办: the volunteer is the resident's linked family member; the resident may end the link.
  const { code: familyCode } = await resident.family.createCode(cid);
  const familyLink = await attempt(() => volunteer.family.link({ code: familyCode }));

  // 语音说明: the newest published wish (the one :wishId names) has a recording; another waits to be posted with.
  const recording = voiceFile(mp3(2));
  await s.wishes.post(cid, {
    title: '想请人帮忙换灯管',
    description: '厨房的灯管不亮了，够不着。',
    category: '维修服务',
    onBehalfOf: resident.userId,
    voiceId: (await s.uploads.voice(recording)).id,
  });
  const spareVoice = await s.uploads.voice(recording);

  const byParam: Record<string, string | undefined> = {
    cid,
    userId: member.userId,
    transferId,
    rewardId,
    redemptionId: redemption?.id,
    activityId,
    attendanceId: attendance?.id,
    correctionId: correction?.id,
    wishId: (await s.wishes.list(cid)).items[0]?.id,
    groupId: group.id,
    buildingId,
    householdId,
    demandId: (await s.contact.demands(cid)).items[0]?.id,
    projectId: (await s.contact.projects(cid)).items[0]?.id,
    invitationId: invitation?.id,
    linkId: familyLink?.link.id,
    uploadId: (await s.uploads.photo({ filename: 'a.png', data: new Blob([FAKE_PNG]) })).id,
  };
  if (!certificate) throw new Error('The fuzz world has no certificate');
  const missing = Object.entries(byParam).filter(([, id]) => !id);
  if (missing.length) throw new Error(`The fuzz world has no ${missing.map(([name]) => name).join(', ')}`);
  const rolesOf = async (who: LoggedIn) => {
    const answer = await fetch(`${t.baseUrl}/api/me`, { headers: { authorization: `Bearer ${who.token}` } });
    if (answer.status !== 200) return null;
    const me = (await answer.json()) as MeResponse;
    const membership = me.memberships.find(
      (m) => m.communityId === cid && m.status === MembershipStatus.Active,
    );
    return membership ? membership.roles : null;
  };
  const world: FuzzWorld = {
    caller: s,
    resident,
    // Not the callers' own ids: a fuzzed body would change their roles, and the routes after it their depth.
    ids: [...new Set([...Object.values(byParam), volunteer.userId, spareVoice.id] as string[])],
    param(url, name) {
      if (name === 'code') return url.startsWith('/api/invites') ? community.inviteCode! : certificate!.code;
      const id = byParam[name];
      if (!id)
        throw new Error(`The fuzz world has no value for :${name} (${url}); add one to buildFuzzWorld`);
      return id;
    },
    async callersHurt() {
      const callerRoles = await rolesOf(world.caller);
      if (!callerRoles?.includes(Role.Secretary) || !callerRoles.includes(Role.PartyMember))
        return `the caller is no longer secretary and party member (${callerRoles?.join(', ') ?? 'no membership'})`;
      if (!(await rolesOf(world.resident))) return 'the resident is no longer a member';
      return null;
    },
    async logInAgainIfLoggedOut() {
      for (const role of ['caller', 'resident'] as const) {
        const answer = await fetch(`${t.baseUrl}/api/me`, {
          headers: { authorization: `Bearer ${world[role].token}` },
        });
        if (answer.status === 401)
          world[role] = await t.login(role === 'caller' ? FUZZ_CALLER : 'demo-resident');
      }
    },
  };
  return world;
}
