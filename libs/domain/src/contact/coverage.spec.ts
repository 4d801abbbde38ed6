import { chinaMonth, chinaMonthOf, coveragePercent, coverageRows } from './coverage';

describe('走访覆盖', () => {
  it('takes a month from its first moment in China to the next month’s', () => {
    expect(chinaMonth('2026-08')).toEqual({
      start: new Date('2026-07-31T16:00:00.000Z'),
      end: new Date('2026-08-31T16:00:00.000Z'),
    });
  });

  it('counts the last day of every month, December and short months included', () => {
    expect(chinaMonth('2026-12')).toEqual({
      start: new Date('2026-11-30T16:00:00.000Z'),
      end: new Date('2026-12-31T16:00:00.000Z'),
    });
    expect(chinaMonth('2026-11').end).toEqual(new Date('2026-11-30T16:00:00.000Z'));
    expect(chinaMonth('2028-02').end).toEqual(new Date('2028-02-29T16:00:00.000Z'));
  });

  it('puts every moment in the China month whose bounds hold it', () => {
    for (const month of ['2026-01', '2026-08', '2026-12', '2028-02']) {
      const { start, end } = chinaMonth(month);
      expect(chinaMonthOf(start)).toBe(month);
      expect(chinaMonthOf(new Date(end.getTime() - 1))).toBe(month);
      expect(chinaMonthOf(end)).not.toBe(month);
    }
    expect(chinaMonthOf(new Date('2026-08-31T15:59:59.999Z'))).toBe('2026-08');
    expect(chinaMonthOf(new Date('2026-08-31T16:00:00.000Z'))).toBe('2026-09');
  });

  it('counts per group and building the households, those visited in the month, and the overdue', () => {
    const at = (
      groupName: string,
      building: string,
      households: number,
      visited: number,
      recent: number,
    ) => ({
      groupId: groupName,
      groupName,
      buildingId: building,
      building,
      households,
      visited,
      recent,
    });
    expect(
      coverageRows([
        at('乙组', '2栋', 1, 0, 0),
        at('甲组', '10栋', 1, 1, 1),
        at('甲组', '2栋', 2, 1, 2),
        at('甲组', '2栋', 1, 0, 0),
      ]),
    ).toEqual([
      { groupId: '甲组', groupName: '甲组', building: '2栋', households: 3, visited: 1, overdue: 1 },
      { groupId: '甲组', groupName: '甲组', building: '10栋', households: 1, visited: 1, overdue: 0 },
      { groupId: '乙组', groupName: '乙组', building: '2栋', households: 1, visited: 0, overdue: 1 },
    ]);
  });
});

describe('coveragePercent', () => {
  it('gives the share of households visited in whole percent', () => {
    expect(coveragePercent(1, 3)).toBe(33);
    expect(coveragePercent(2, 3)).toBe(67);
    expect(coveragePercent(12, 12)).toBe(100);
  });

  it('is 0 when there is nobody to visit', () => {
    expect(coveragePercent(0, 0)).toBe(0);
  });
});
