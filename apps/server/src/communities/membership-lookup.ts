import { Role } from '@redvest/contract';
import { EntityManager } from 'typeorm';
import { MembershipRole } from './membership-role.entity';
import { Membership } from './membership.entity';

export interface MembershipWithRoles {
  membership: Membership;
  /** Granted roles, without what they imply. */
  granted: Role[];
  branchCompoundIds: string[];
}

export async function findMembership(
  em: EntityManager,
  communityId: string,
  userId: string,
): Promise<MembershipWithRoles | null> {
  const membership = await em.findOne(Membership, { where: { communityId, userId } });
  if (!membership) return null;
  const rows = await em.find(MembershipRole, { where: { membershipId: membership.id } });
  // 党小组长 comes from leading an active contact group, besides being granted.
  const [{ leads }] = await em.query(
    "SELECT COUNT(*) AS leads FROM contact_groups WHERE community_id = ? AND leader_id = ? AND status = 'active'",
    [communityId, userId],
  );
  const derived = Number(leads) > 0 ? [Role.GroupLeader] : [];
  return {
    membership,
    granted: [...new Set([...rows.map((row) => row.role), ...derived])],
    branchCompoundIds: rows.filter((row) => row.role === Role.BranchSecretary).map((row) => row.compoundId),
  };
}
