import { ApiClient } from '@redvest/api-client';
import { PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';
import { TestApp, unique } from './harness';

export type LoggedIn = ApiClient & { userId: string; token: string };
/** What the fixtures need of a server: a way to log in (an in-process TestApp, or a server process). */
export type Logins = Pick<TestApp, 'login'>;

/**
 * A community of its own for one test: a platform admin creates it and invites `secretary` as its first
 * secretary, who accepts.
 */
export async function newCommunity(t: Logins, admin: LoggedIn, name = unique('社区')) {
  const community = await admin.communities.create({ name });
  const secretary = await invitedMember(t, admin, community.id, [Role.Secretary], 'secretary');
  return { community, secretary };
}

/** A user who agreed the privacy notice and joined with the invite code, waiting for verification. */
export async function joinedUser(t: Logins, communityId: string, inviteCode: string, phone = '13912345678') {
  const user = await t.login(unique('resident'));
  await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
  await user.communities.join(communityId, { inviteCode, realName: '王小明', phone });
  return user;
}

/** A new user invited by `inviter` (a secretary, or the platform admin) with these roles, who accepted. */
export async function invitedMember(
  t: Logins,
  inviter: LoggedIn,
  communityId: string,
  roles: Role[],
  prefix = 'member',
  compoundId?: string,
) {
  const user = await t.login(unique(prefix));
  await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
  const invitation = await inviter.communities.invite(communityId, {
    userId: user.userId,
    roles,
    compoundId,
  });
  await user.invitations.accept(invitation.id);
  return user;
}

/** A member with the given roles, verified. */
export async function memberWith(
  t: Logins,
  secretary: LoggedIn,
  communityId: string,
  roles: Role[],
  compoundId?: string,
) {
  return invitedMember(t, secretary, communityId, roles, 'member', compoundId);
}

export const ADMIN_OPENID = 'platform-admin';
export const ADMIN_ENV = { PLATFORM_ADMIN_OPENIDS: `someone-else, ${ADMIN_OPENID}` };

export function csvFile(text: string, filename = 'households.csv') {
  return { filename, data: new Blob([text], { type: 'text/csv' }) };
}
