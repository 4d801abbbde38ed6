import { AttendanceStatus, ErrorCode, PointsRule, Role, Unit } from '@redvest/contract';
import { refuse, Refusal } from '../refusal';
import { effectiveRoles } from '../roles';
import { CodeClaims, TokenProblem } from './code';
import { distanceMetres } from './geo';
import { pointsFor, servedMinutes } from './minutes';
import { CheckinWindow, codeTiming, isPastCheckin } from './window';

/** A scan sent this long after it was made is an offline scan (DESIGN §3). */
export const OFFLINE_AFTER_MS = 2 * 60_000;
/** Phones' clocks drift; a `scannedAt` this far ahead is still "now". */
export const CLOCK_SKEW_MS = 60_000;

/** The activity as the check-in rules see it, with its community's grace after the end. */
export interface CheckinActivity extends CheckinWindow {
  title: string;
  cancelled: boolean;
  /** 定位签到: a scan must come from within `radiusM` of the point; all three are set, or none. */
  latitude: number | null;
  longitude: number | null;
  radiusM: number | null;
  enrolmentRequired: boolean;
  autoApprove: boolean;
  pointsRule: PointsRule;
}

/** The community's settings for attendances. */
export interface CheckinSettings {
  /** A second scan this soon after checking in only returns the attendance (people tap twice). */
  repeatScanMinutes: number;
  /** 未签退: `no_minutes` counts none, `to_end` counts the minutes to the activity's end. */
  unclosedPolicy: 'no_minutes' | 'to_end';
}

/** The scanning person's membership of the activity's community. */
export interface CheckinMember {
  active: boolean;
  /** Granted roles, without what they imply. */
  granted: readonly Role[];
}

/** What the server looked up for a scan: the code as read, and what it names. */
export interface ScanFacts {
  code: CodeClaims | TokenProblem;
  /** The activity the code names; null when there is none. */
  activity: CheckinActivity | null;
  member: CheckinMember | null;
  /** Looked up only for activities that need 报名. */
  enrolled: boolean;
}

export interface ScanInput {
  /** When the code was scanned, for a scan sent later from the offline queue. */
  scannedAt?: Date;
  latitude?: number;
  longitude?: number;
}

/** A scan that passed: the moment it counts at, and whether it came from the offline queue. */
export interface AdmittedScan {
  at: Date;
  offline: boolean;
}

/** Everything that can be checked before the attendance is locked: the code, the time, the person, the place. */
export function decideScan(facts: ScanFacts, input: ScanInput, now: Date): AdmittedScan | Refusal {
  const { code, activity, member } = facts;
  if (code === 'malformed') return refuse(ErrorCode.CheckinCodeInvalid);
  if (code === 'forged') return refuse(ErrorCode.CheckinCodeForged);
  const scannedAt = input.scannedAt ?? now;
  if (scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return refuse(ErrorCode.ScannedAtInFuture);
  const offline = now.getTime() - scannedAt.getTime() > OFFLINE_AFTER_MS;
  const at = offline ? scannedAt : now;
  if (!activity) return refuse(ErrorCode.ActivityNotFound);
  if (!member?.active) return refuse(ErrorCode.NotCommunityMember);
  if (!effectiveRoles(member.granted).has(Role.Volunteer)) return refuse(ErrorCode.Forbidden);
  if (activity.cancelled) return refuse(ErrorCode.ActivityCancelled);
  if (offline && isPastCheckin(activity, now)) return refuse(ErrorCode.OfflineScanTooLate);
  const timing = codeTiming(code, activity, at);
  if (timing === 'not_yet_valid') return refuse(ErrorCode.CheckinCodeNotYetValid);
  if (timing === 'expired')
    return refuse(isPastCheckin(activity, at) ? ErrorCode.ActivityEnded : ErrorCode.CheckinCodeExpired);
  const place = placeRefusal(activity, input);
  if (place) return place;
  if (activity.enrolmentRequired && !facts.enrolled) return refuse(ErrorCode.NotEnrolled);
  return { at, offline };
}

function placeRefusal(activity: CheckinActivity, input: ScanInput): Refusal | null {
  const { latitude, longitude, radiusM } = activity;
  if (latitude === null || longitude === null || radiusM === null) return null;
  if (input.latitude === undefined || input.longitude === undefined)
    return refuse(ErrorCode.LocationRequired);
  const distanceM = Math.round(
    distanceMetres({ latitude: input.latitude, longitude: input.longitude }, { latitude, longitude }),
  );
  if (distanceM <= radiusM) return null;
  return {
    error: ErrorCode.TooFarAway,
    details: { distanceM, radiusM },
    message: `您距离活动地点约 ${distanceM} 米，需在 ${radiusM} 米内签到`,
  };
}

/** 代签到: an organiser checks a member in or out by name, while the activity takes check-ins. */
export function decideProxyScan(
  facts: { activity: CheckinActivity; member: { active: boolean } | null },
  now: Date,
): AdmittedScan | Refusal {
  const { activity, member } = facts;
  if (!member?.active) return refuse(ErrorCode.MemberNotFound);
  if (activity.cancelled) return refuse(ErrorCode.ActivityCancelled);
  if (codeTiming({ kind: 'poster', activityNumber: 0, window: 0 }, activity, now) !== 'ok') {
    return refuse(isPastCheckin(activity, now) ? ErrorCode.ActivityEnded : ErrorCode.CheckinCodeNotYetValid);
  }
  return { at: now, offline: false };
}

/** An attendance as the rules see it. */
export interface AttendanceFacts {
  status: AttendanceStatus;
  checkedInAt: Date;
  offline: boolean;
  proxyBy: string | null;
}

/**
 * What a scan asks of the attendance: `auto` checks in, or out once the repeat-scan minutes are past;
 * `check_out` only checks out; `check_in` only checks in (an organiser's 代签到), leaving an existing one.
 */
export type ScanIntent = 'auto' | 'check_in' | 'check_out';

export interface AttendanceScan extends AdmittedScan {
  intent: ScanIntent;
  /** The organiser making a 代签到; null for the person's own scan. */
  proxyBy: string | null;
}

/** Points or minutes for an attendance, through the ledger. */
export interface CheckinAward {
  unit: Unit;
  amount: number;
  /** Posted at once; offline and unclosed attendances always wait for a secretary. */
  autoPost: boolean;
  memo: string;
}

/** An attendance closed: what it is written as, and the awards it earns (those above zero). */
export interface AttendanceClosing {
  status: 'closed' | 'unclosed';
  checkedOutAt: Date | null;
  minutes: number;
  points: number;
  offline: boolean;
  proxyBy: string | null;
  awards: CheckinAward[];
}

export type AttendanceDecision =
  | { action: 'checked_in'; open: { checkedInAt: Date; offline: boolean; proxyBy: string | null } }
  /** Nothing changes: a second tap, or a 代签到 of someone who has an attendance already. */
  | { action: 'already_checked_in' }
  | { action: 'checked_out'; close: AttendanceClosing };

/**
 * Whether the attendance's points wait for a secretary once the decision is written, when the decision
 * itself tells: a new attendance has no award yet, a closing writes its awards now. A repeated scan
 * changes nothing, so what its attendance earned earlier must be read (null).
 */
export function pointsPendingAfter(decision: AttendanceDecision): boolean | null {
  if (decision.action === 'checked_in') return false;
  if (decision.action === 'already_checked_in') return null;
  return decision.close.awards.some((award) => award.unit === Unit.Points && !award.autoPost);
}

/** What an admitted scan does to the person's attendance (`existing`, read under its lock). */
export function decideAttendance(
  existing: AttendanceFacts | null,
  scan: AttendanceScan,
  activity: CheckinActivity,
  settings: CheckinSettings,
): AttendanceDecision | Refusal {
  if (!existing) {
    if (scan.intent === 'check_out') return refuse(ErrorCode.NotCheckedIn);
    return {
      action: 'checked_in',
      open: { checkedInAt: scan.at, offline: scan.offline, proxyBy: scan.proxyBy },
    };
  }
  if (scan.intent === 'check_in') return { action: 'already_checked_in' };
  if (existing.status !== 'open') return refuse(ErrorCode.AttendanceClosed);
  const sinceIn = scan.at.getTime() - existing.checkedInAt.getTime();
  if (scan.intent === 'auto' && sinceIn < settings.repeatScanMinutes * 60_000) {
    return { action: 'already_checked_in' };
  }
  const checkedOutAt = scan.at < existing.checkedInAt ? existing.checkedInAt : scan.at;
  const offline = existing.offline || scan.offline;
  return {
    action: 'checked_out',
    close: closing(
      activity,
      { offline, proxyBy: existing.proxyBy ?? scan.proxyBy },
      {
        status: 'closed',
        checkedOutAt,
        minutes: servedMinutes(existing.checkedInAt, checkedOutAt, activity.startAt, activity.endAt),
        reviewed: offline,
      },
    ),
  };
}

/**
 * Closes an attendance left open (未签退): no minutes unless the community counts them to the end; its
 * points always wait for a secretary.
 */
export function decideOverdueClose(
  attendance: AttendanceFacts,
  activity: CheckinActivity,
  settings: CheckinSettings,
): AttendanceClosing {
  const minutes =
    settings.unclosedPolicy === 'to_end'
      ? servedMinutes(attendance.checkedInAt, activity.endAt, activity.startAt, activity.endAt)
      : 0;
  return closing(activity, attendance, { status: 'unclosed', checkedOutAt: null, minutes, reviewed: true });
}

function closing(
  activity: CheckinActivity,
  attendance: { offline: boolean; proxyBy: string | null },
  outcome: { status: 'closed' | 'unclosed'; checkedOutAt: Date | null; minutes: number; reviewed: boolean },
): AttendanceClosing {
  const points = pointsFor(activity.pointsRule, outcome.minutes);
  const autoPost = activity.autoApprove && !outcome.reviewed;
  const memo = `${activity.title}${attendance.offline ? '（离线）' : ''}${outcome.status === 'unclosed' ? '（未签退）' : ''}`;
  const amounts: [Unit, number][] = [
    [Unit.Points, points],
    [Unit.Minutes, outcome.minutes],
  ];
  return {
    status: outcome.status,
    checkedOutAt: outcome.checkedOutAt,
    minutes: outcome.minutes,
    points,
    offline: attendance.offline,
    proxyBy: attendance.proxyBy,
    awards: amounts
      .filter(([, amount]) => amount > 0)
      .map(([unit, amount]) => ({ unit, amount, autoPost, memo })),
  };
}
