import { ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { activityPhase } from './phase';
import {
  ActivityPlan,
  activityPlanRefusal,
  activityTimesProblem,
  decideActivityEdit,
  enrolmentRefusal,
} from './plan';

const t = (day: number, hhmm: string) => new Date(`2026-11-${day}T${hhmm}:00+08:00`);
const PLAN: ActivityPlan = {
  startAt: t(23, '09:00'),
  endAt: t(23, '11:00'),
  latitude: null,
  longitude: null,
  radiusM: null,
};
const PLACE = { latitude: 39.9087, longitude: 116.3975, radiusM: 300 };
const HOUR = 3600_000;

describe('an activity plan', () => {
  it('ends after it starts and lasts at most seven days', () => {
    expect(activityPlanRefusal(PLAN)).toBeNull();
    expect(activityPlanRefusal({ ...PLAN, endAt: PLAN.startAt })).toEqual({
      error: ErrorCode.ActivityTimeInvalid,
    });
    expect(activityPlanRefusal({ ...PLAN, endAt: t(30, '09:00') })).toBeNull();
    expect(activityPlanRefusal({ ...PLAN, endAt: t(30, '09:01') })).toEqual({
      error: ErrorCode.ActivityTimeInvalid,
    });
    expect(activityPlanRefusal({ ...PLAN, endAt: new Date(Number.NaN) })).toEqual({
      error: ErrorCode.ActivityTimeInvalid,
    });
  });

  it('says whether the times end first or last too long', () => {
    expect(activityTimesProblem(PLAN.endAt, PLAN.startAt)).toBe('ends_first');
    expect(activityTimesProblem(PLAN.startAt, t(30, '09:01'))).toBe('too_long');
    expect(activityTimesProblem(PLAN.startAt, PLAN.endAt)).toBeNull();
  });

  it('holds for every duration from a minute to a week, and none longer or backwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * 24, max: 30 * 24 }), (hours) => {
        const plan = { ...PLAN, endAt: new Date(PLAN.startAt.getTime() + hours * HOUR) };
        expect(activityPlanRefusal(plan) === null).toBe(hours > 0 && hours <= 7 * 24);
      }),
    );
  });

  it('gives the check-in place whole or not at all', () => {
    expect(activityPlanRefusal({ ...PLAN, ...PLACE })).toBeNull();
    expect(activityPlanRefusal({ ...PLAN, ...PLACE, radiusM: null })).toEqual({
      error: ErrorCode.ValidationFailed,
      details: [{ field: 'radiusM', message: '定位签到需要同时填写纬度、经度和半径' }],
    });
  });
});

describe('decideActivityEdit', () => {
  const activity = { ...PLAN, ...PLACE, cancelled: false };

  it('keeps what the edit leaves out, and clears the place with null', () => {
    expect(decideActivityEdit(activity, { endAt: t(23, '12:00') })).toEqual({
      ...PLAN,
      ...PLACE,
      endAt: t(23, '12:00'),
    });
    expect(decideActivityEdit(activity, { latitude: null, longitude: null, radiusM: null })).toEqual(PLAN);
  });

  it('checks the plan as it will be, and refuses a cancelled activity', () => {
    expect(decideActivityEdit(activity, { startAt: t(23, '12:00') })).toEqual({
      error: ErrorCode.ActivityTimeInvalid,
    });
    expect(decideActivityEdit(activity, { radiusM: null })).toMatchObject({
      error: ErrorCode.ValidationFailed,
    });
    expect(decideActivityEdit({ ...activity, cancelled: true }, {})).toEqual({
      error: ErrorCode.ActivityCancelled,
    });
  });
});

describe('enrolmentRefusal', () => {
  it('takes 报名 until the end, and its cancelling at any time, unless the activity is cancelled', () => {
    const activity = { cancelled: false, endAt: PLAN.endAt };
    expect(enrolmentRefusal(activity, true, t(23, '11:00'))).toBeNull();
    expect(enrolmentRefusal(activity, true, t(23, '11:01'))).toEqual({ error: ErrorCode.ActivityEnded });
    expect(enrolmentRefusal(activity, false, t(23, '11:01'))).toBeNull();
    expect(enrolmentRefusal({ ...activity, cancelled: true }, false, t(23, '10:00'))).toEqual({
      error: ErrorCode.ActivityCancelled,
    });
  });
});

describe('activityPhase', () => {
  it('runs from the start to the end, both included', () => {
    const activity = { ...PLAN, cancelled: false };
    expect(activityPhase(activity, t(23, '08:59'))).toBe('upcoming');
    expect(activityPhase(activity, t(23, '09:00'))).toBe('running');
    expect(activityPhase(activity, t(23, '11:00'))).toBe('running');
    expect(activityPhase(activity, t(23, '11:01'))).toBe('past');
    expect(activityPhase({ ...activity, cancelled: true }, t(23, '10:00'))).toBe('cancelled');
  });
});
