import fc from 'fast-check';
import { distanceMetres } from './geo';
import { pointsFor, servedMinutes } from './minutes';

const t = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);

describe('served minutes and points', () => {
  it('clips the time served to the activity window', () => {
    expect(servedMinutes(t('08:40'), t('10:15'), t('09:00'), t('11:00'))).toBe(75);
    expect(servedMinutes(t('09:30'), t('12:00'), t('09:00'), t('11:00'))).toBe(90);
    expect(servedMinutes(t('11:10'), t('11:20'), t('09:00'), t('11:00'))).toBe(0);
  });

  it('never counts more than the window, nor more than the time between the scans', () => {
    const day = t('00:00').getTime();
    const moment = fc.integer({ min: day, max: day + 48 * 3600_000 }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(moment, moment, moment, moment, (a, b, c, d) => {
        const [checkedInAt, checkedOutAt] = a <= b ? [a, b] : [b, a];
        const [startAt, endAt] = c <= d ? [c, d] : [d, c];
        const minutes = servedMinutes(checkedInAt, checkedOutAt, startAt, endAt);
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThanOrEqual((endAt.getTime() - startAt.getTime()) / 60_000);
        expect(minutes).toBeLessThanOrEqual((checkedOutAt.getTime() - checkedInAt.getTime()) / 60_000);
      }),
    );
  });

  it('pays per attendance, or per full hour', () => {
    expect(pointsFor({ kind: 'per_attendance', points: 10 }, 0)).toBe(10);
    expect(pointsFor({ kind: 'per_hour', points: 5 }, 119)).toBe(5);
    expect(pointsFor({ kind: 'per_hour', points: 5 }, 120)).toBe(10);
  });

  it('measures distance by haversine', () => {
    const tianAnMen = { latitude: 39.9087, longitude: 116.3975 };
    expect(distanceMetres(tianAnMen, tianAnMen)).toBe(0);
    expect(distanceMetres(tianAnMen, { latitude: 39.9177, longitude: 116.3975 })).toBeCloseTo(1001, -1);
  });
});
