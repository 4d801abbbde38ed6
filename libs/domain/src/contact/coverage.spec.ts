import { chinaMonth, coverageRows } from './coverage';

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

  it('counts per group and building the households, those visited in the month, and the overdue', () => {
    const at = (groupName: string, building: string, inMonth: number, recent: number) => ({
      groupId: groupName,
      groupName,
      buildingId: building,
      building,
      inMonth,
      recent,
    });
    expect(
      coverageRows([
        at('乙组', '2栋', 0, 0),
        at('甲组', '10栋', 1, 1),
        at('甲组', '2栋', 0, 1),
        at('甲组', '2栋', 2, 2),
      ]),
    ).toEqual([
      { groupId: '甲组', groupName: '甲组', building: '2栋', households: 2, visited: 1, overdue: 0 },
      { groupId: '甲组', groupName: '甲组', building: '10栋', households: 1, visited: 1, overdue: 0 },
      { groupId: '乙组', groupName: '乙组', building: '2栋', households: 1, visited: 0, overdue: 1 },
    ]);
  });
});
