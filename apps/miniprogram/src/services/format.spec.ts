import {
  chinaDay,
  formatClock,
  formatDate,
  formatDateTime,
  formatTimeRange,
  newIdempotencyKey,
  pointsRuleText,
  signed,
  writtenMonth,
} from './format';

describe('formatting the ledger', () => {
  const now = new Date('2026-12-01T00:00:00+08:00');

  it('writes times in China time as 11月23日 18:30, with the year only for an earlier one', () => {
    expect(formatDateTime('2026-11-23T18:30:00.000+08:00', now)).toBe('11月23日 18:30');
    expect(formatDateTime('2026-11-23T10:30:00.000Z', now)).toBe('11月23日 18:30');
    expect(formatDateTime('2026-01-02T00:05:00+08:00', now)).toBe('1月2日 00:05');
    expect(formatDateTime('2025-12-31T23:59:00+08:00', now)).toBe('2025年12月31日 23:59');
    expect(formatDateTime('not a date', now)).toBe('not a date');
  });

  it('signs amounts with a real minus sign', () => {
    expect(signed(15, false)).toBe('+15');
    expect(signed(20, true)).toBe('−20');
  });

  it('makes a different idempotency key each time', () => {
    const a = newIdempotencyKey('r');
    expect(a).toMatch(/^r-\d+-[0-9a-z]+$/);
    expect(newIdempotencyKey('r')).not.toBe(a);
  });

  it('writes the time of day and the day on their own, in China time', () => {
    expect(formatClock('2026-11-23T10:30:00.000Z')).toBe('18:30');
    expect(formatDate('2026-11-23T18:30:00+08:00', now)).toBe('11月23日');
    expect(formatDate('2025-11-23T18:30:00+08:00', now)).toBe('2025年11月23日');
  });

  it('writes an activity’s time as one day with two clock times, or two full times across days', () => {
    expect(formatTimeRange('2026-11-23T14:00:00+08:00', '2026-11-23T17:00:00+08:00', now)).toBe(
      '11月23日 14:00–17:00',
    );
    expect(formatTimeRange('2026-11-23T20:00:00+08:00', '2026-11-24T08:00:00+08:00', now)).toBe(
      '11月23日 20:00 至 11月24日 08:00',
    );
  });

  it('writes a month as 2026年7月', () => {
    expect(writtenMonth('2026-07')).toBe('2026年7月');
    expect(writtenMonth('2025-12-01')).toBe('2025年12月');
  });

  it('names the calendar day in China, which is ahead of UTC', () => {
    expect(chinaDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('says an activity’s points rule in words', () => {
    expect(pointsRuleText({ kind: 'per_attendance', points: 10 })).toBe('每次 10 积分');
    expect(pointsRuleText({ kind: 'per_hour', points: 5 })).toBe('每满 1 小时 5 积分');
  });
});
