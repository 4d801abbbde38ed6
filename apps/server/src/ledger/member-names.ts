import { EntityManager, In } from 'typeorm';
import { Departure } from '../communities/departure.entity';
import { Membership } from '../communities/membership.entity';
import { User } from '../users/user.entity';

/**
 * Each user's real name in the community (a former member's as it was when they left), or their nickname
 * when they have not given one (a deleted account's nickname is 已注销用户).
 */
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
  const real = new Map<string, string>();
  for (const m of memberships) if (m.realName) real.set(m.userId, m.realName);
  const gone = ids.filter((id) => !real.has(id));
  if (gone.length) {
    // Former members keep the name they had here on their past records (an erased one is null).
    const departed = await em.find(Departure, {
      where: { communityId, userId: In(gone) },
      order: { endedAt: 'ASC' },
    });
    for (const d of departed) if (d.realName) real.set(d.userId, d.realName);
  }
  return new Map(users.map((u) => [u.id, real.get(u.id) ?? u.nickname]));
}
