import { ACTIVITY_MAX_DAYS, ErrorCode } from '@redvest/contract';
import { invalidField, refuse, Refusal } from '../refusal';

/** When an activity runs, and where its check-ins must come from (定位签到: all three, or none). */
export interface ActivityPlan {
  startAt: Date;
  endAt: Date;
  latitude: number | null;
  longitude: number | null;
  radiusM: number | null;
}

const MAX_DURATION_MS = ACTIVITY_MAX_DAYS * 24 * 60 * 60 * 1000;

/** What is wrong with an activity's times, checked as the server will: `null` when they hold. */
export function activityTimesProblem(startAt: Date, endAt: Date): 'ends_first' | 'too_long' | null {
  const duration = endAt.getTime() - startAt.getTime();
  if (!(duration > 0)) return 'ends_first';
  return duration > MAX_DURATION_MS ? 'too_long' : null;
}

/** A plan holds when it ends after it starts, lasts at most a week, and gives the whole place or none of it. */
export function activityPlanRefusal(plan: ActivityPlan): Refusal | null {
  if (activityTimesProblem(plan.startAt, plan.endAt)) return refuse(ErrorCode.ActivityTimeInvalid);
  const given = [plan.latitude, plan.longitude, plan.radiusM].filter((v) => v !== null).length;
  if (given !== 0 && given !== 3) return invalidField('radiusM', '定位签到需要同时填写纬度、经度和半径');
  return null;
}

/**
 * An edit of an activity's plan: what the edit leaves out stays as it is, `null` clears the place. A
 * cancelled activity is not edited.
 */
export function decideActivityEdit(
  activity: ActivityPlan & { cancelled: boolean },
  edit: Partial<ActivityPlan>,
): ActivityPlan | Refusal {
  if (activity.cancelled) return refuse(ErrorCode.ActivityCancelled);
  const plan: ActivityPlan = {
    startAt: edit.startAt ?? activity.startAt,
    endAt: edit.endAt ?? activity.endAt,
    latitude: edit.latitude !== undefined ? edit.latitude : activity.latitude,
    longitude: edit.longitude !== undefined ? edit.longitude : activity.longitude,
    radiusM: edit.radiusM !== undefined ? edit.radiusM : activity.radiusM,
  };
  return activityPlanRefusal(plan) ?? plan;
}

/** 报名, or taking it back: not on a cancelled activity, and no new one after the end. */
export function enrolmentRefusal(
  activity: { cancelled: boolean; endAt: Date },
  enrol: boolean,
  now: Date,
): Refusal | null {
  if (activity.cancelled) return refuse(ErrorCode.ActivityCancelled);
  if (enrol && now > activity.endAt) return refuse(ErrorCode.ActivityEnded);
  return null;
}
