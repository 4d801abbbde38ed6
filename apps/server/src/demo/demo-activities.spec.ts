import { chinaTimeOn, otherDemoActivities, pastDemoActivities, runningDemoActivity } from './demo-activities';

const HOUR = 60 * 60_000;
const chinaClock = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 8 * HOUR);
  return local.getUTCHours() + local.getUTCMinutes() / 60;
};

/** Every start of the demo from midnight to 23:59 China time on one day, every 20 minutes. */
const starts = Array.from({ length: 72 }, (_, i) => new Date(Date.UTC(2026, 11, 2, -8, i * 20, 30)));

describe('the demo’s activities', () => {
  it('finds the day and the hour in China', () => {
    expect(chinaTimeOn(new Date('2026-12-02T17:30:00Z'), 0, 9, 30).toISOString()).toBe(
      '2026-12-03T01:30:00.000Z',
    );
    expect(chinaTimeOn(new Date('2026-12-02T15:59:00Z'), 1, 14).toISOString()).toBe(
      '2026-12-03T06:00:00.000Z',
    );
  });

  it('has one running whenever the demo starts, for at least another half hour', () => {
    for (const now of starts) {
      const running = runningDemoActivity(now);
      expect({ now, running: new Date(running.startAt) <= now }).toEqual({ now, running: true });
      expect(new Date(running.endAt).getTime()).toBeGreaterThan(now.getTime() + 30 * 60_000);
    }
  });

  it('holds the day’s activities between 07:00 and 21:00 and the night patrol from 19:00 to 08:00 China time', () => {
    for (const now of starts) {
      for (const activity of [
        runningDemoActivity(now),
        ...otherDemoActivities(now),
        ...pastDemoActivities(now),
      ]) {
        const [start, end] = [chinaClock(activity.startAt), chinaClock(activity.endAt)];
        const hours = { now, title: activity.title, start, end };
        if (activity.title === '平安夜巡志愿服务') expect(hours).toEqual({ ...hours, start: 19, end: 8 });
        else {
          expect(start).toBeGreaterThanOrEqual(7);
          expect(end).toBeLessThanOrEqual(21);
          expect(end).toBeGreaterThan(start);
        }
      }
    }
  });
});
