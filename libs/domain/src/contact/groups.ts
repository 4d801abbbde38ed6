import { ErrorCode, Role } from '@redvest/contract';
import { Refusal, refuse } from '../refusal';
import { effectiveRoles } from '../roles';

/** A member named for a group, as found in the community (null when not there). */
export interface GroupCandidate {
  active: boolean;
  granted: readonly Role[];
}

/**
 * 包户小组: at most the community's group size, the leader one of the members, and every member an active
 * party member of the community. The first member who is not is named in the refusal.
 */
export function groupMembersRefusal(
  memberIds: readonly string[],
  leaderId: string,
  groupSize: number,
  candidates: ReadonlyMap<string, GroupCandidate | null>,
): Refusal | null {
  if (!memberIds.includes(leaderId) || memberIds.length > groupSize)
    return refuse(ErrorCode.ContactGroupInvalid);
  for (const userId of memberIds) {
    const candidate = candidates.get(userId);
    if (!candidate?.active || !effectiveRoles(candidate.granted).has(Role.PartyMember))
      return refuse(ErrorCode.ContactGroupInvalid, { userId });
  }
  return null;
}

/** Who joins and who leaves when a group's members become `next`. */
export function memberChanges(
  current: readonly string[],
  next: readonly string[],
): { joining: string[]; leaving: string[] } {
  return {
    joining: next.filter((id) => !current.includes(id)),
    leaving: current.filter((id) => !next.includes(id)),
  };
}

/** What a member's leaving does to a group they were in. */
export type GroupAfterLeaving =
  { outcome: 'left' | 'dissolved' } | { outcome: 'new_leader'; leaderId: string };

/**
 * A group left empty is dissolved; a group whose leader left is led by the member who has been a user
 * longest (ids are time-ordered: the smallest).
 */
export function groupAfterLeaving(
  leaderId: string,
  leaverId: string,
  remaining: readonly string[],
): GroupAfterLeaving {
  if (remaining.length === 0) return { outcome: 'dissolved' };
  if (leaderId !== leaverId) return { outcome: 'left' };
  return { outcome: 'new_leader', leaderId: remaining.reduce((a, b) => (b < a ? b : a)) };
}
