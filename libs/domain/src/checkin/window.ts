import { CodeClaims } from './code';

export const ROTATION_SECONDS = 30;
/** Codes are accepted from 30 minutes before the start to the end plus the grace. */
export const EARLY_MINUTES = 30;

/** When an activity takes check-ins: its times, and its community's grace after the end. */
export interface CheckinWindow {
  startAt: Date;
  endAt: Date;
  graceMinutes: number;
}

export function rotatingWindow(at: Date): number {
  return Math.floor(at.getTime() / 1000 / ROTATION_SECONDS);
}

export function windowEnd(window: number): Date {
  return new Date((window + 1) * ROTATION_SECONDS * 1000);
}

export function opensAt(activity: CheckinWindow): Date {
  return new Date(activity.startAt.getTime() - EARLY_MINUTES * 60_000);
}

export function closesAt(activity: CheckinWindow): Date {
  return new Date(activity.endAt.getTime() + activity.graceMinutes * 60_000);
}

/** Past the end plus the grace: no code is taken any more, and an attendance left open is 未签退. */
export function isPastCheckin(activity: CheckinWindow, at: Date): boolean {
  return at > closesAt(activity);
}

/**
 * Whether a code was good at `at`: inside the activity's check-in window, and for a rotating code in the
 * current or the previous 30-second window.
 */
export function codeTiming(
  claims: CodeClaims,
  activity: CheckinWindow,
  at: Date,
): 'ok' | 'expired' | 'not_yet_valid' {
  if (at < opensAt(activity)) return 'not_yet_valid';
  if (at > closesAt(activity)) return 'expired';
  if (claims.kind === 'poster') return claims.window === 0 ? 'ok' : 'expired';
  const now = rotatingWindow(at);
  if (claims.window > now) return 'not_yet_valid';
  return claims.window >= now - 1 ? 'ok' : 'expired';
}
