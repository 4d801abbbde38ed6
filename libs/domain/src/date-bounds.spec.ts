import { DATE_BOUNDS, isSaneYear, isWithin, latestYear, rangeOf, startOfDay } from './date-bounds';

const now = new Date('2026-12-01T12:00:00+08:00');
const at = (text: string) => new Date(text);

describe('date bounds', () => {
  it('keeps a visit between a year back and a few minutes ahead', () => {
    expect(isWithin(at('2026-12-01T12:04:00+08:00'), DATE_BOUNDS.visitedAt, now)).toBe(true);
    expect(isWithin(at('2026-12-01T12:06:00+08:00'), DATE_BOUNDS.visitedAt, now)).toBe(false);
    expect(isWithin(at('2025-12-01T12:00:00+08:00'), DATE_BOUNDS.visitedAt, now)).toBe(true);
    expect(isWithin(at('2025-11-29T12:00:00+08:00'), DATE_BOUNDS.visitedAt, now)).toBe(false);
    expect(isWithin(at('9999-12-31T00:00:00Z'), DATE_BOUNDS.visitedAt, now)).toBe(false);
    expect(isWithin(at('1970-01-01T00:00:00Z'), DATE_BOUNDS.visitedAt, now)).toBe(false);
    expect(isWithin(at('not a date'), DATE_BOUNDS.visitedAt, now)).toBe(false);
  });

  it('starts a fixed bound on its first day in the product clock zone', () => {
    expect(rangeOf(DATE_BOUNDS.moveInDate, now).from.toISOString()).toBe('1899-12-31T16:00:00.000Z');
    expect(isWithin(startOfDay('1950-06')!, DATE_BOUNDS.moveInDate, now)).toBe(true);
    expect(isWithin(startOfDay('1899-12-31')!, DATE_BOUNDS.moveInDate, now)).toBe(false);
    expect(isWithin(startOfDay('2026-12-01')!, DATE_BOUNDS.moveInDate, now)).toBe(true);
    expect(isWithin(startOfDay('2027-01')!, DATE_BOUNDS.moveInDate, now)).toBe(false);
  });

  it('reads only days and months of the calendar', () => {
    expect(startOfDay('2026-11-23')?.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(startOfDay('2028-02-29')).not.toBeNull();
    for (const bad of [
      '2026-02-30',
      '2027-02-29',
      '2026-13',
      '2026-00',
      '2026-11-00',
      '0000-01',
      '2026-1-1',
      '',
    ])
      expect(startOfDay(bad)).toBeNull();
  });

  it('allows years from 2000 to next year in the product clock zone', () => {
    expect(latestYear(now)).toBe(2027);
    expect(latestYear(new Date('2026-12-31T17:00:00Z'))).toBe(2028);
    expect([1999, 2000, 2027, 2028, 2026.5].map((year) => isSaneYear(year, now))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
