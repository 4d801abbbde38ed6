import { Role } from '@redvest/contract';
import { EntityManager } from 'typeorm';
import { columnsOf, hydrate } from '../database/rows';
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
  // Hand-written (database/rows.ts): every community route's access check runs it.
  const raw: (Record<string, unknown> & {
    granted_role: Role | null;
    granted_compound: string | null;
    leads: number | string;
  })[] = await em.query(
    `SELECT ${columnsOf(em, Membership, 'm')}, r.role AS granted_role, r.compound_id AS granted_compound,
       (SELECT COUNT(*) FROM contact_groups g WHERE g.community_id = m.community_id AND g.leader_id = m.user_id AND g.status = 'active') AS leads
     FROM memberships m LEFT JOIN membership_roles r ON r.membership_id = m.id
     WHERE m.community_id = ? AND m.user_id = ?`,
    [communityId, userId],
  );
  if (raw.length === 0) return null;
  const membership = hydrate(em, Membership, raw[0], 'm');
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
