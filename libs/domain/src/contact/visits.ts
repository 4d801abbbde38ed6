import { ErrorCode, Role } from '@redvest/contract';
import { invalidField, Refusal, refuse } from '../refusal';
import { CallerStanding, canActInCompound, effectiveRoles } from '../roles';

/**
 * A household's card: for the community secretary, the branch of its compound and the group it is assigned
 * to. Phones in full for the secretary and the group; masked for a branch secretary.
 */
export function householdCardAccess(
  caller: CallerStanding,
  household: { compoundId: string },
  inAssignedGroup: boolean,
): { fullPhones: boolean } | Refusal {
  const secretary = effectiveRoles(caller.granted).has(Role.Secretary);
  const branch = canActInCompound(caller.granted, caller.branchCompoundIds, household.compoundId);
  if (!secretary && !branch && !inAssignedGroup) return refuse(ErrorCode.NotInAssignedGroup);
  return { fullPhones: secretary || inAssignedGroup };
}

/** 同行走访: who made the visit, the recorder first; all of them members of the assigned group. */
export function visitVisitors(
  recorderId: string,
  companions: readonly string[],
  groupMemberIds: readonly string[],
): string[] | Refusal {
  const visitors = [...new Set([recorderId, ...companions])];
  if (visitors.some((id) => !groupMemberIds.includes(id)))
    return invalidField('visitorIds', '同行走访的人须是本小组成员');
  return visitors;
}
