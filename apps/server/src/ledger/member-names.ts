import { EntityManager, In } from 'typeorm';
import { Membership } from '../communities/membership.entity';
import { User } from '../users/user.entity';

/** Each user's real name in the community, or their nickname when they have not given one. */
export async function memberNames(
  em: EntityManager,
  communityId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const memberships = await em.find(Membership, {
    where: { communityId, userId: In(ids) },
    select: { userId: true, realName: true },
  });
  const users = await em.find(User, { where: { id: In(ids) }, select: { id: true, nickname: true } });
  const real = new Map(memberships.map((m) => [m.userId, m.realName]));
  return new Map(users.map((u) => [u.id, real.get(u.id) ?? u.nickname]));
}
