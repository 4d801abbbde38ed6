import { recentMonths } from './months';

describe('recentMonths', () => {
  it('counts back from this month in China time, across the new year', () => {
    // 2026-01-31 20:00 UTC is already 1 February in China.
    const months = recentMonths(new Date('2026-01-31T20:00:00Z'), 4);
    expect(months).toEqual([
      { value: '2026-02', label: '2026年2月（本月）' },
      { value: '2026-01', label: '2026年1月' },
      { value: '2025-12', label: '2025年12月' },
      { value: '2025-11', label: '2025年11月' },
    ]);
    expect(recentMonths()).toHaveLength(12);
  });
});
