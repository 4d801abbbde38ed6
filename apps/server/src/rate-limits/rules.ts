import { ErrorCode, Role } from '@redvest/contract';

/** Whom a limit counts: the caller's address, the logged-in user, or the address and the openid asked for. */
export type RateSubject = 'ip' | 'user' | 'ip+openid';

export interface RateRule {
  /** The counter's name in the database (≤ 32 characters). */
  bucket: string;
  limit: number;
  windowSeconds: number;
  by: RateSubject;
  /** The 429's error code; RATE_LIMITED unless the route has its own. */
  code?: ErrorCode;
  /** Staff of the community in the path are not limited (a secretary enters paper wishes for residents). */
  exemptRoles?: readonly Role[];
  /**
   * For routes outside any community (uploads): the limit for a secretary of any community, who enters
   * residents' paper wishes with their photos. Higher, not unlimited: a stolen account still cannot fill the disk.
   */
  staffLimit?: number;
}

const MINUTE = 60;
const DAY = 24 * 3600;
export const STAFF = [Role.Secretary, Role.BranchSecretary] as const;

/**
 * The limits (apps/server/README.md 「防刷限制」 gives the reasons). A real user never meets them: a resident
 * posts a few wishes a month, logs in once a month, uploads at most 3 photos per wish.
 */
export const RATE_LIMITS = {
  wechatLogin: { bucket: 'login-wechat', limit: 60, windowSeconds: MINUTE, by: 'ip' },
  devLogin: { bucket: 'login-dev', limit: 20, windowSeconds: MINUTE, by: 'ip+openid' },
  postPerTenMinutes: {
    bucket: 'post-10m',
    limit: 10,
    windowSeconds: 10 * MINUTE,
    by: 'user',
    exemptRoles: STAFF,
  },
  postPerDay: { bucket: 'post-day', limit: 30, windowSeconds: DAY, by: 'user', exemptRoles: STAFF },
  uploadsPerTenMinutes: {
    bucket: 'upload-10m',
    limit: 60,
    windowSeconds: 10 * MINUTE,
    by: 'user',
    staffLimit: 600,
  },
  uploadsPerDay: { bucket: 'upload-day', limit: 300, windowSeconds: DAY, by: 'user', staffLimit: 3000 },
  certificateLookup: { bucket: 'certificate-lookup', limit: 30, windowSeconds: MINUTE, by: 'ip' },
  certificateIssue: { bucket: 'certificate-issue', limit: 10, windowSeconds: 10 * MINUTE, by: 'user' },
  inviteByUser: { bucket: 'invite-user', limit: 10, windowSeconds: 10 * MINUTE, by: 'user' },
  inviteByAddress: { bucket: 'invite-ip', limit: 300, windowSeconds: 10 * MINUTE, by: 'ip' },
  scans: { bucket: 'scan', limit: 60, windowSeconds: 10 * MINUTE, by: 'user' },
  /** 请他联系我: a few times a day is enough to be heard, and not so many that a member is pestered. */
  askContactMember: { bucket: 'ask-contact', limit: 3, windowSeconds: DAY, by: 'user' },
  /** Counted only when the code is wrong (CheckinsService); checked before every scan. */
  wrongCheckinCodes: {
    bucket: 'checkin-wrong-code',
    limit: 10,
    windowSeconds: 10 * MINUTE,
    by: 'user',
    code: ErrorCode.CheckinRateLimited,
  },
  /** 家人代办: a resident makes a few codes in a lifetime; a new one voids the old. */
  familyCodes: { bucket: 'family-code', limit: 10, windowSeconds: DAY, by: 'user' },
  familyLinksByAddress: { bucket: 'family-link-ip', limit: 300, windowSeconds: 10 * MINUTE, by: 'ip' },
  /** Counted only when the code is wrong, used or expired (FamilyService); checked before every attempt. */
  wrongFamilyCodes: {
    bucket: 'family-wrong-code',
    limit: 10,
    windowSeconds: 10 * MINUTE,
    by: 'user',
    code: ErrorCode.FamilyCodeRateLimited,
  },
} satisfies Record<string, RateRule>;
