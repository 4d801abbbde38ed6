import { PointsRule } from '@redvest/contract';

/** Minutes served: check-out minus check-in, clipped to the activity's window (DESIGN §3). */
export function servedMinutes(checkedInAt: Date, checkedOutAt: Date, startAt: Date, endAt: Date): number {
  const from = Math.max(checkedInAt.getTime(), startAt.getTime());
  const to = Math.min(checkedOutAt.getTime(), endAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** Points for an attendance: fixed per attendance, or per full hour served. */
export function pointsFor(rule: PointsRule, minutes: number): number {
  return rule.kind === 'per_attendance' ? rule.points : Math.floor(minutes / 60) * rule.points;
}
