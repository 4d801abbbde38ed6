import { ErrorCode, Role, Unit } from '@redvest/contract';
import fc from 'fast-check';
import {
  AttendanceDecision,
  AttendanceFacts,
  AttendanceScan,
  CheckinActivity,
  CheckinSettings,
  decideAttendance,
  decideOverdueClose,
  decideProxyScan,
  decideScan,
  pointsPendingAfter,
  ScanFacts,
} from './decide';
import { isRefusal, Refusal } from '../refusal';
import { closesAt, opensAt, rotatingWindow } from './window';

const t = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);
const minutes = (n: number) => n * 60_000;
const after = (at: Date, ms: number) => new Date(at.getTime() + ms);

const ACTIVITY: CheckinActivity = {
  title: '社区环境整治',
  startAt: t('09:00'),
  endAt: t('11:00'),
  graceMinutes: 30,
  cancelled: false,
  latitude: null,
  longitude: null,
  radiusM: null,
  enrolmentRequired: false,
  autoApprove: false,
  pointsRule: { kind: 'per_hour', points: 5 },
};
const SETTINGS: CheckinSettings = { repeatScanMinutes: 5, unclosedPolicy: 'no_minutes' };
const VOLUNTEER = { active: true, granted: [Role.Volunteer] };
const NOW = t('10:00');

const factsAt = (at: Date, overrides: Partial<ScanFacts> = {}): ScanFacts => ({
  code: { kind: 'rotating', activityNumber: 1, window: rotatingWindow(at) },
  activity: ACTIVITY,
  member: VOLUNTEER,
  enrolled: false,
  ...overrides,
});

const open = (checkedInAt: Date, overrides: Partial<AttendanceFacts> = {}): AttendanceFacts => ({
  status: 'open',
  checkedInAt,
  offline: false,
  proxyBy: null,
  ...overrides,
});
const scanAt = (at: Date, overrides: Partial<AttendanceScan> = {}): AttendanceScan => ({
  at,
  offline: false,
  intent: 'auto',
  proxyBy: null,
  ...overrides,
});

function decided(result: AttendanceDecision | Refusal): AttendanceDecision {
  if (isRefusal(result)) throw new Error(`refused: ${result.error}`);
  return result;
}

describe('decideScan', () => {
  it('takes a good code from a volunteer now', () => {
    expect(decideScan(factsAt(NOW), {}, NOW)).toEqual({ at: NOW, offline: false });
  });

  it('tells a wrong code from a forged one before anything else', () => {
    const future = { scannedAt: after(NOW, minutes(5)) };
    expect(decideScan(factsAt(NOW, { code: 'malformed', activity: null }), future, NOW)).toEqual({
      error: ErrorCode.CheckinCodeInvalid,
    });
    expect(decideScan(factsAt(NOW, { code: 'forged', activity: null }), future, NOW)).toEqual({
      error: ErrorCode.CheckinCodeForged,
    });
  });

  it('allows a minute of clock skew, and refuses a scan further in the future', () => {
    expect(decideScan(factsAt(NOW), { scannedAt: after(NOW, 60_000) }, NOW)).toEqual({
      at: NOW,
      offline: false,
    });
    expect(decideScan(factsAt(NOW, { activity: null }), { scannedAt: after(NOW, 60_001) }, NOW)).toEqual({
      error: ErrorCode.ScannedAtInFuture,
    });
  });

  it('counts a scan sent more than two minutes late at the time it was made, as offline', () => {
    const scannedAt = t('09:20');
    expect(decideScan(factsAt(scannedAt), { scannedAt }, NOW)).toEqual({ at: scannedAt, offline: true });
    const recent = after(NOW, -minutes(2));
    expect(decideScan(factsAt(NOW), { scannedAt: recent }, NOW)).toEqual({ at: NOW, offline: false });
  });

  it('refuses an offline scan sent after the check-in window closed', () => {
    const scannedAt = t('10:50');
    expect(decideScan(factsAt(scannedAt), { scannedAt }, t('11:31'))).toEqual({
      error: ErrorCode.OfflineScanTooLate,
    });
  });

  it('refuses an unknown activity, a non-member, a non-volunteer and a cancelled activity, in that order (a party member is a volunteer)', () => {
    expect(decideScan(factsAt(NOW, { activity: null, member: null }), {}, NOW)).toEqual({
      error: ErrorCode.ActivityNotFound,
    });
    expect(decideScan(factsAt(NOW, { member: null }), {}, NOW)).toEqual({
      error: ErrorCode.NotCommunityMember,
    });
    expect(decideScan(factsAt(NOW, { member: { ...VOLUNTEER, active: false } }), {}, NOW)).toEqual({
      error: ErrorCode.NotCommunityMember,
    });
    const cancelled = { ...ACTIVITY, cancelled: true };
    expect(
      decideScan(
        factsAt(NOW, { member: { active: true, granted: [Role.Resident] }, activity: cancelled }),
        {},
        NOW,
      ),
    ).toEqual({
      error: ErrorCode.Forbidden,
    });
    expect(
      decideScan(factsAt(NOW, { member: { active: true, granted: [Role.PartyMember] } }), {}, NOW),
    ).toEqual({
      at: NOW,
      offline: false,
    });
    expect(decideScan(factsAt(NOW, { activity: cancelled }), {}, NOW)).toEqual({
      error: ErrorCode.ActivityCancelled,
    });
  });

  it('tells an old code from an ended activity, and a code from the future', () => {
    const old = factsAt(after(NOW, -minutes(2)));
    expect(decideScan(old, {}, NOW)).toEqual({ error: ErrorCode.CheckinCodeExpired });
    expect(decideScan(factsAt(t('11:00')), {}, t('11:40'))).toEqual({ error: ErrorCode.ActivityEnded });
    expect(decideScan(factsAt(after(NOW, minutes(1))), {}, NOW)).toEqual({
      error: ErrorCode.CheckinCodeNotYetValid,
    });
    expect(decideScan(factsAt(t('08:00')), {}, t('08:00'))).toEqual({
      error: ErrorCode.CheckinCodeNotYetValid,
    });
  });

  it('asks for the place where the activity checks it, and says how far off a scan is', () => {
    const located = factsAt(NOW, {
      activity: { ...ACTIVITY, latitude: 39.9087, longitude: 116.3975, radiusM: 200 },
    });
    expect(decideScan(located, {}, NOW)).toEqual({ error: ErrorCode.LocationRequired });
    expect(decideScan(located, { latitude: 39.9087, longitude: 116.3985 }, NOW)).toEqual({
      at: NOW,
      offline: false,
    });
    expect(decideScan(located, { latitude: 39.9177, longitude: 116.3975 }, NOW)).toEqual({
      error: ErrorCode.TooFarAway,
      details: { distanceM: 1001, radiusM: 200 },
      message: '您距离活动地点约 1001 米，需在 200 米内签到',
    });
  });

  it('lets in only the enrolled where the activity needs 报名', () => {
    const activity = { ...ACTIVITY, enrolmentRequired: true };
    expect(decideScan(factsAt(NOW, { activity }), {}, NOW)).toEqual({ error: ErrorCode.NotEnrolled });
    expect(decideScan(factsAt(NOW, { activity, enrolled: true }), {}, NOW)).toEqual({
      at: NOW,
      offline: false,
    });
  });

  it('admits a scan only at a moment inside the check-in window, never later than now', () => {
    const day = t('00:00').getTime();
    const moment = fc.integer({ min: day + minutes(7 * 60), max: day + minutes(13 * 60) });
    fc.assert(
      fc.property(moment, moment, fc.boolean(), (nowMs, scannedMs, poster) => {
        const now = new Date(nowMs);
        const scannedAt = new Date(scannedMs);
        const code = poster
          ? { kind: 'poster' as const, activityNumber: 1, window: 0 }
          : { kind: 'rotating' as const, activityNumber: 1, window: rotatingWindow(scannedAt) };
        const result = decideScan(factsAt(now, { code }), { scannedAt }, now);
        if (isRefusal(result)) return;
        expect(result.at.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(result.at >= opensAt(ACTIVITY) && result.at <= closesAt(ACTIVITY)).toBe(true);
        expect(result.offline).toBe(now.getTime() - scannedAt.getTime() > minutes(2));
      }),
    );
  });
});

describe('decideProxyScan', () => {
  it('checks in a member by name while the activity takes check-ins', () => {
    const member = { active: true };
    expect(decideProxyScan({ activity: ACTIVITY, member }, NOW)).toEqual({ at: NOW, offline: false });
    expect(decideProxyScan({ activity: ACTIVITY, member: null }, NOW)).toEqual({
      error: ErrorCode.MemberNotFound,
    });
    expect(decideProxyScan({ activity: ACTIVITY, member: { active: false } }, NOW)).toEqual({
      error: ErrorCode.MemberNotFound,
    });
    expect(decideProxyScan({ activity: { ...ACTIVITY, cancelled: true }, member }, NOW)).toEqual({
      error: ErrorCode.ActivityCancelled,
    });
    expect(decideProxyScan({ activity: ACTIVITY, member }, t('08:29'))).toEqual({
      error: ErrorCode.CheckinCodeNotYetValid,
    });
    expect(decideProxyScan({ activity: ACTIVITY, member }, t('11:31'))).toEqual({
      error: ErrorCode.ActivityEnded,
    });
  });
});

describe('decideAttendance', () => {
  it('checks in the first scan, and refuses a check-out without a check-in', () => {
    expect(decideAttendance(null, scanAt(NOW, { offline: true }), ACTIVITY, SETTINGS)).toEqual({
      action: 'checked_in',
      open: { checkedInAt: NOW, offline: true, proxyBy: null },
    });
    expect(decideAttendance(null, scanAt(NOW, { intent: 'check_out' }), ACTIVITY, SETTINGS)).toEqual({
      error: ErrorCode.NotCheckedIn,
    });
  });

  it('answers a second tap within the repeat-scan minutes with the attendance, unless it asks to check out', () => {
    const existing = open(t('09:57'));
    expect(decideAttendance(existing, scanAt(NOW), ACTIVITY, SETTINGS)).toEqual({
      action: 'already_checked_in',
    });
    expect(
      decided(decideAttendance(existing, scanAt(NOW, { intent: 'check_out' }), ACTIVITY, SETTINGS)).action,
    ).toBe('checked_out');
    expect(decided(decideAttendance(existing, scanAt(t('10:02')), ACTIVITY, SETTINGS)).action).toBe(
      'checked_out',
    );
  });

  it('checks out with the minutes clipped to the window and awards both, posted when the activity says so', () => {
    const activity = { ...ACTIVITY, autoApprove: true };
    expect(decideAttendance(open(t('08:40')), scanAt(t('11:20')), activity, SETTINGS)).toEqual({
      action: 'checked_out',
      close: {
        status: 'closed',
        checkedOutAt: t('11:20'),
        minutes: 120,
        points: 10,
        offline: false,
        proxyBy: null,
        awards: [
          { unit: Unit.Points, amount: 10, autoPost: true, memo: '社区环境整治' },
          { unit: Unit.Minutes, amount: 120, autoPost: true, memo: '社区环境整治' },
        ],
      },
    });
  });

  it('keeps an attendance offline once any scan of it was, and then lets a secretary review its awards', () => {
    const activity = { ...ACTIVITY, autoApprove: true };
    const close = decided(
      decideAttendance(open(t('09:00'), { offline: true }), scanAt(NOW), activity, SETTINGS),
    );
    expect(close).toMatchObject({
      close: {
        offline: true,
        awards: [{ autoPost: false, memo: '社区环境整治（离线）' }, { autoPost: false }],
      },
    });
  });

  it('never checks out before the check-in, and writes no award of nothing', () => {
    const decision = decided(
      decideAttendance(open(NOW), scanAt(t('09:50'), { intent: 'check_out' }), ACTIVITY, SETTINGS),
    );
    expect(decision).toMatchObject({ close: { checkedOutAt: NOW, minutes: 0, points: 0, awards: [] } });
  });

  it('refuses a scan on a closed attendance; a 代签到 of someone already there changes nothing', () => {
    const closed = open(t('09:00'), { status: 'closed' });
    expect(decideAttendance(closed, scanAt(NOW), ACTIVITY, SETTINGS)).toEqual({
      error: ErrorCode.AttendanceClosed,
    });
    expect(
      decideAttendance(closed, scanAt(NOW, { intent: 'check_in', proxyBy: 'sec' }), ACTIVITY, SETTINGS),
    ).toEqual({
      action: 'already_checked_in',
    });
  });

  it('tells whether the points wait for a secretary from the decision alone, except for a repeated scan', () => {
    expect(pointsPendingAfter(decided(decideAttendance(null, scanAt(NOW), ACTIVITY, SETTINGS)))).toBe(false);
    expect(
      pointsPendingAfter(decided(decideAttendance(open(t('09:57')), scanAt(NOW), ACTIVITY, SETTINGS))),
    ).toBe(null);
    const out = scanAt(t('11:20'));
    const posted = decided(
      decideAttendance(open(t('08:40')), out, { ...ACTIVITY, autoApprove: true }, SETTINGS),
    );
    expect(pointsPendingAfter(posted)).toBe(false);
    expect(pointsPendingAfter(decided(decideAttendance(open(t('08:40')), out, ACTIVITY, SETTINGS)))).toBe(
      true,
    );
    const nothing = decided(
      decideAttendance(open(NOW), scanAt(t('09:50'), { intent: 'check_out' }), ACTIVITY, SETTINGS),
    );
    expect(pointsPendingAfter(nothing)).toBe(false);
  });

  it('records the organiser of a 代签退 unless another checked the person in', () => {
    const proxyOut = scanAt(NOW, { intent: 'check_out', proxyBy: 'sec' });
    expect(decided(decideAttendance(open(t('09:00')), proxyOut, ACTIVITY, SETTINGS))).toMatchObject({
      close: { proxyBy: 'sec' },
    });
    expect(
      decided(decideAttendance(open(t('09:00'), { proxyBy: 'org' }), proxyOut, ACTIVITY, SETTINGS)),
    ).toMatchObject({ close: { proxyBy: 'org' } });
  });

  it('closes with minutes inside the window and awards only what is above zero', () => {
    const day = t('00:00').getTime();
    const moment = fc
      .integer({ min: day + minutes(8 * 60), max: day + minutes(12 * 60) })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(moment, moment, fc.boolean(), fc.boolean(), (inAt, outAt, offline, autoApprove) => {
        const activity = { ...ACTIVITY, autoApprove };
        const result = decideAttendance(
          open(inAt, { offline }),
          scanAt(outAt, { intent: 'check_out' }),
          activity,
          SETTINGS,
        );
        const { close } = decided(result) as Extract<AttendanceDecision, { action: 'checked_out' }>;
        expect(close.checkedOutAt!.getTime()).toBeGreaterThanOrEqual(inAt.getTime());
        expect(close.minutes).toBeGreaterThanOrEqual(0);
        expect(close.minutes).toBeLessThanOrEqual(120);
        expect(close.awards.every((a) => a.amount > 0 && a.autoPost === (autoApprove && !offline))).toBe(
          true,
        );
      }),
    );
  });
});

describe('decideOverdueClose', () => {
  it('counts no minutes by default, or to the end where the community says so; it always waits for review', () => {
    const activity = {
      ...ACTIVITY,
      autoApprove: true,
      pointsRule: { kind: 'per_attendance' as const, points: 10 },
    };
    expect(decideOverdueClose(open(t('09:30')), activity, SETTINGS)).toEqual({
      status: 'unclosed',
      checkedOutAt: null,
      minutes: 0,
      points: 10,
      offline: false,
      proxyBy: null,
      awards: [{ unit: Unit.Points, amount: 10, autoPost: false, memo: '社区环境整治（未签退）' }],
    });
    const toEnd = decideOverdueClose(open(t('09:30')), activity, { ...SETTINGS, unclosedPolicy: 'to_end' });
    expect(toEnd).toMatchObject({
      minutes: 90,
      awards: [{ amount: 10 }, { unit: Unit.Minutes, amount: 90 }],
    });
  });
});
