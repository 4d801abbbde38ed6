import { ErrorCode, FAMILY_LIMITS } from '@redvest/contract';
import { Refusal, refuse } from '../refusal';

/** What linking by a code needs to know, read under the code's lock. */
export interface FamilyLinkFacts {
  callerId: string;
  now: Date;
  /** The code as stored, or null when no code has these characters. */
  code: { residentId: string; expiresAt: Date; usedAt: Date | null } | null;
  /** Whether the resident who made the code is still a member (their codes go when they leave). */
  residentIsMember: boolean;
  /** The caller's membership of the code's community. */
  callerMembership: 'active' | 'pending' | null;
  /** The caller sent what joining needs (name, phone). */
  joining: boolean;
  alreadyLinked: boolean;
  /** The resident's family links now. */
  residentLinks: number;
}

export interface FamilyLinkDecision {
  /** The caller joins the community first (the code stands for the invite code). */
  join: boolean;
}

/**
 * 关联家人: a code works once, within its hours, for someone other than the resident who made it. Whoever is not
 * a member of the community is told to join (FAMILY_JOIN_REQUIRED) unless they sent what joining needs.
 */
export function decideFamilyLink(facts: FamilyLinkFacts): FamilyLinkDecision | Refusal {
  const { code } = facts;
  if (!code || !facts.residentIsMember) return refuse(ErrorCode.FamilyCodeInvalid);
  if (code.usedAt) return refuse(ErrorCode.FamilyCodeUsed);
  if (code.expiresAt.getTime() <= facts.now.getTime()) return refuse(ErrorCode.FamilyCodeExpired);
  if (code.residentId === facts.callerId) return refuse(ErrorCode.FamilySelfLink);
  if (!facts.callerMembership && !facts.joining) return refuse(ErrorCode.FamilyJoinRequired);
  if (facts.alreadyLinked) return refuse(ErrorCode.FamilyAlreadyLinked);
  if (facts.residentLinks >= FAMILY_LIMITS.linksPerResident) return refuse(ErrorCode.FamilyLimitReached);
  return { join: !facts.callerMembership };
}

/** Which side of a link the caller is on: either person may end it; to anyone else it does not exist. */
export function familyLinkSide(
  link: { residentId: string; familyId: string },
  callerId: string,
): 'resident' | 'family' | Refusal {
  if (link.residentId === callerId) return 'resident';
  if (link.familyId === callerId) return 'family';
  return refuse(ErrorCode.FamilyLinkNotFound);
}

/** When a new code stops working. */
export function familyCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + FAMILY_LIMITS.codeHours * 3600_000);
}
