import { ActivityPhase } from '@redvest/contract';

/** Where an activity is in its life: cancelled, or before, during or after its times (both ends running). */
export function activityPhase(
  activity: { cancelled: boolean; startAt: Date; endAt: Date },
  now: Date,
): ActivityPhase {
  if (activity.cancelled) return 'cancelled';
  if (now < activity.startAt) return 'upcoming';
  return now <= activity.endAt ? 'running' : 'past';
}
