import type { CompoundRef, JoinRequest } from './api';
import { MembershipStatus } from './roles';

/**
 * 家人代办: a resident links family members by a one-time code; a linked family member posts, confirms,
 * disputes and withdraws the resident's wishes on their behalf and sees them. Links are per community.
 */
export const FAMILY_LIMITS = {
  /** How long a link code stays valid. */
  codeHours: 24,
  /** Family members one resident may link in one community. */
  linksPerResident: 5,
} as const;

/** A link code: 8 characters without the look-alikes 0, O, 1 and I, shown as two groups of four. */
export const FAMILY_CODE_LENGTH = 8;
export const FAMILY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface FamilyCodeView {
  /** Eight characters, e.g. `K7QM3WPX`; shown as `K7QM 3WPX`. */
  code: string;
  expiresAt: string;
}

export interface FamilyLinkView {
  id: string;
  communityId: string;
  /** The other person's name, masked (张*丰). */
  name: string;
  /** The resident the family member acts for: their user id (the family member posts with it as `onBehalfOf`). */
  residentId: string;
  linkedAt: string;
}

/** 我的家人: my open code, who may act for me, and whom I act for, in one community. */
export interface FamilyOverview {
  communityId: string;
  /** My link code still waiting to be used, if any. */
  code: FamilyCodeView | null;
  /** My family members: they act for me. */
  family: FamilyLinkView[];
  /** The residents I act for. */
  residents: FamilyLinkView[];
  /** My membership: while it is pending, my links wait for the community to verify me before they act. */
  membershipStatus: MembershipStatus;
}

export interface LinkFamilyRequest {
  /** The code the resident gave, spaces and dashes allowed, any case. */
  code: string;
  /**
   * Not yet a member of the code's community: join it with these, in the same step (the code stands for the
   * community's invite code). The membership waits for a secretary's verification, as any join does.
   */
  join?: Omit<JoinRequest, 'inviteCode'>;
}

export interface FamilyLinkResult {
  link: FamilyLinkView;
  communityName: string;
  /** Pending when the family member joined with this code: the link acts once the community verifies them. */
  membershipStatus: MembershipStatus;
}

/** The details of FAMILY_JOIN_REQUIRED: what the page shows to someone who must join first. */
export interface FamilyJoinDetails {
  communityId: string;
  communityName: string;
  /** The resident who gave the code, masked. */
  residentName: string;
  compounds: CompoundRef[];
}

/** The family member's acts on a resident's wish, as the timeline names them. */
export const FAMILY_EVENT_LABELS = {
  post: '家人代为发布',
  confirm_on_behalf: '家人代为确认',
  dispute: '家人提出异议',
  cancel: '家人代为撤回',
} as const;
