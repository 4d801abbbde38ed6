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

/**
 * The membership with its roles, in one statement: read in parts, a leaving or a role change committed
 * between them would give a member who is still there with no roles (a torn read).
 */
export async function findMembership(
  em: EntityManager,
  communityId: string,
  userId: string,
): Promise<MembershipWithRoles | null> {
  const { entities, raw } = await em
    .createQueryBuilder(Membership, 'm')
    .leftJoin(MembershipRole, 'r', 'r.membership_id = m.id')
    .addSelect('r.role', 'granted_role')
    .addSelect('r.compound_id', 'granted_compound')
    // 党小组长 comes from leading an active contact group, besides being granted.
    .addSelect(
      "(SELECT COUNT(*) FROM contact_groups g WHERE g.community_id = m.community_id AND g.leader_id = m.user_id AND g.status = 'active')",
      'leads',
    )
    .where('m.community_id = :communityId AND m.user_id = :userId', { communityId, userId })
    .getRawAndEntities<{
      granted_role: Role | null;
      granted_compound: string | null;
      leads: number | string;
    }>();
  const [membership] = entities;
  if (!membership) return null;
  const rows = raw.filter((row) => row.granted_role !== null);
  const derived = Number(raw[0].leads) > 0 ? [Role.GroupLeader] : [];
  return {
    membership,
    granted: [...new Set([...rows.map((row) => row.granted_role as Role), ...derived])],
    branchCompoundIds: rows
      .filter((row) => row.granted_role === Role.BranchSecretary)
      .map((row) => row.granted_compound as string),
  };
}
