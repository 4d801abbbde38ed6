import { Role } from '@redvest/contract';

/** What each role directly implies (DESIGN §1): party_member ⇒ volunteer ⇒ resident, and so on. */
const IMPLIES: Record<Role, readonly Role[]> = {
  [Role.Resident]: [],
  [Role.Volunteer]: [Role.Resident],
  [Role.PartyMember]: [Role.Volunteer],
  [Role.GroupLeader]: [Role.PartyMember],
  [Role.BranchSecretary]: [Role.Resident],
  [Role.Secretary]: [Role.BranchSecretary],
};

/** The granted roles and every role they include. */
export function effectiveRoles(granted: Iterable<Role>): Set<Role> {
  const result = new Set<Role>();
  const stack = [...granted];
  while (stack.length) {
    const role = stack.pop()!;
    if (result.has(role)) continue;
    result.add(role);
    stack.push(...IMPLIES[role]);
  }
  return result;
}

export function hasAnyRole(granted: Iterable<Role>, allowed: readonly Role[]): boolean {
  const roles = effectiveRoles(granted);
  return allowed.some((role) => roles.has(role));
}

/** A caller's standing in a community: who they are, the roles granted, and the compounds of their branch grants. */
export interface CallerStanding {
  userId: string;
  granted: readonly Role[];
  branchCompoundIds: readonly string[];
}

/**
 * Branch secretaries act in their own compounds only; a community secretary acts in every compound.
 * `branchCompoundIds` are the compounds named by the caller's branch_secretary grants.
 */
export function canActInCompound(
  granted: Iterable<Role>,
  branchCompoundIds: readonly string[],
  compoundId: string,
): boolean {
  const roles = effectiveRoles(granted);
  if (roles.has(Role.Secretary)) return true;
  return roles.has(Role.BranchSecretary) && branchCompoundIds.includes(compoundId);
}

/** Orders roles from the most to the least powerful, for display. */
export function sortRoles(roles: Iterable<Role>): Role[] {
  const order = [
    Role.Secretary,
    Role.BranchSecretary,
    Role.GroupLeader,
    Role.PartyMember,
    Role.Volunteer,
    Role.Resident,
  ];
  const set = new Set(roles);
  return order.filter((role) => set.has(role));
}
