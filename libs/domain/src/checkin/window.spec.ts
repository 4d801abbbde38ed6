import fc from 'fast-check';
import {
  CheckinWindow,
  closesAt,
  codeTiming,
  isPastCheckin,
  opensAt,
  rotatingWindow,
  windowEnd,
} from './window';

const activity: CheckinWindow = {
  startAt: new Date('2026-11-23T09:00:00+08:00'),
  endAt: new Date('2026-11-23T11:00:00+08:00'),
  graceMinutes: 30,
};
const at = (iso: string) => new Date(iso);

describe('when a code is good', () => {
  it('accepts a rotating code in its window and the next one, then calls it expired', () => {
    const now = at('2026-11-23T09:10:00+08:00');
    const window = rotatingWindow(now);
    const claims = { kind: 'rotating' as const, activityNumber: 1, window };
    expect(codeTiming(claims, activity, now)).toBe('ok');
    expect(codeTiming(claims, activity, new Date(now.getTime() + 30_000))).toBe('ok');
    expect(codeTiming(claims, activity, new Date(now.getTime() + 60_000))).toBe('expired');
    expect(codeTiming({ ...claims, window: window + 1 }, activity, now)).toBe('not_yet_valid');
  });

  it('accepts a poster code from 30 minutes before the start to the end plus the grace', () => {
    const poster = { kind: 'poster' as const, activityNumber: 1, window: 0 };
    expect(codeTiming(poster, activity, at('2026-11-23T08:29:59+08:00'))).toBe('not_yet_valid');
    expect(codeTiming(poster, activity, at('2026-11-23T08:30:00+08:00'))).toBe('ok');
    expect(codeTiming(poster, activity, at('2026-11-23T11:30:00+08:00'))).toBe('ok');
    expect(codeTiming(poster, activity, at('2026-11-23T11:30:01+08:00'))).toBe('expired');
    expect(isPastCheckin(activity, at('2026-11-23T11:30:00+08:00'))).toBe(false);
    expect(isPastCheckin(activity, at('2026-11-23T11:30:01+08:00'))).toBe(true);
  });

  it('takes no code of any kind outside the check-in window', () => {
    const day = activity.startAt.getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: day - 3 * 3600_000, max: day + 6 * 3600_000 }),
        fc.constantFrom('rotating' as const, 'poster' as const),
        (ms, kind) => {
          const when = new Date(ms);
          const claims = { kind, activityNumber: 1, window: kind === 'poster' ? 0 : rotatingWindow(when) };
          const inside = when >= opensAt(activity) && when <= closesAt(activity);
          expect(codeTiming(claims, activity, when) === 'ok').toBe(inside);
        },
      ),
    );
  });

  it('ends a rotating window where the next begins', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000_000 }), (window) => {
        expect(rotatingWindow(windowEnd(window))).toBe(window + 1);
        expect(rotatingWindow(new Date(windowEnd(window).getTime() - 1))).toBe(window);
      }),
    );
  });
});
