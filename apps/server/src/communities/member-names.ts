import { EntityManager, In } from 'typeorm';
import { Departure } from './departure.entity';
import { Membership } from './membership.entity';
import { User } from '../users/user.entity';

export interface MemberNameOptions {
  /**
   * The name shown for someone who is not and never was a member of the community (invited but not yet
   * joined, or never asked): their nickname is not the community's to see. Left out, they get their nickname.
   * A deleted account is 已注销用户 either way.
   */
  outsider?: string;
}

/**
 * Each user's real name in the community (a former member's as it was when they left), or their nickname
 * when they have not given one (a deleted account's nickname is 已注销用户).
 */
export async function memberNames(
  em: EntityManager,
  communityId: string,
  userIds: string[],
  options: MemberNameOptions = {},
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const memberships = await em.find(Membership, {
    where: { communityId, userId: In(ids) },
    select: { userId: true, realName: true },
  });
  const users = await em.find(User, {
    where: { id: In(ids) },
    select: { id: true, nickname: true, deletedAt: true },
  });
  const real = new Map<string, string>();
  const known = new Set(memberships.map((m) => m.userId));
  for (const m of memberships) if (m.realName) real.set(m.userId, m.realName);
  const gone = ids.filter((id) => !real.has(id));
  if (gone.length) {
    // Former members keep the name they had here on their past records (an erased one is null).
    const departed = await em.find(Departure, {
      where: { communityId, userId: In(gone) },
      order: { endedAt: 'ASC' },
    });
    for (const d of departed) {
      known.add(d.userId);
      if (d.realName) real.set(d.userId, d.realName);
    }
  }
  const outsider = (u: User) => options.outsider !== undefined && !known.has(u.id) && !u.deletedAt;
  const nameOf = (u: User) => real.get(u.id) ?? (outsider(u) ? options.outsider! : u.nickname);
  return new Map(users.map((u) => [u.id, nameOf(u)]));
}
