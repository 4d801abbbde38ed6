import { formatDateTime, hoursFixed, hoursShort, newIdempotencyKey, signed } from './format';

describe('formatting the ledger', () => {
  const now = new Date('2026-12-01T00:00:00+08:00');

  it('writes times in China time as 11月23日 18:30, with the year only for an earlier one', () => {
    expect(formatDateTime('2026-11-23T18:30:00.000+08:00', now)).toBe('11月23日 18:30');
    expect(formatDateTime('2026-11-23T10:30:00.000Z', now)).toBe('11月23日 18:30');
    expect(formatDateTime('2026-01-02T00:05:00+08:00', now)).toBe('1月2日 00:05');
    expect(formatDateTime('2025-12-31T23:59:00+08:00', now)).toBe('2025年12月31日 23:59');
    expect(formatDateTime('not a date', now)).toBe('not a date');
  });

  it('shows service minutes as hours', () => {
    expect(hoursFixed(360)).toBe('6.0');
    expect(hoursFixed(90)).toBe('1.5');
    expect(hoursFixed(0)).toBe('0.0');
    expect(hoursShort(120)).toBe('2');
    expect(hoursShort(90)).toBe('1.5');
    expect(hoursShort(20)).toBe('0.3');
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
});
