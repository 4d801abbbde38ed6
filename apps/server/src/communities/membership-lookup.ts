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
  return {
    membership,
    granted: [...new Set(rows.map((row) => row.role))],
    branchCompoundIds: rows.filter((row) => row.role === Role.BranchSecretary).map((row) => row.compoundId),
  };
}
