import { floorRange, householdLabel, isOverdue, overdueCutoff } from './households';

describe('households', () => {
  it('names a home and finds floor ranges without floor 0', () => {
    expect(householdLabel('3栋', '2单元', '1201')).toBe('3栋 2单元 1201');
    expect(householdLabel('1栋', '', '101')).toBe('1栋 101');
    expect(floorRange(27, 24)).toEqual([24, 25, 26, 27]);
    expect(floorRange(-1, 1)).toEqual([-1, 1]);
  });

  it('marks a household overdue after the configured days, or when never visited', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(isOverdue(null, now, 90)).toBe(true);
    expect(isOverdue(new Date('2026-09-01T00:00:00Z'), now, 90)).toBe(false);
    expect(isOverdue(new Date('2026-08-01T00:00:00Z'), now, 90)).toBe(true);
    // Exactly 90 days ago is not overdue yet; a moment earlier is. The cutoff is what a database compares.
    const cutoff = overdueCutoff(now, 90);
    expect(isOverdue(cutoff, now, 90)).toBe(false);
    expect(isOverdue(new Date(cutoff.getTime() - 1), now, 90)).toBe(true);
  });
});
