import { parseHouseholdSheet } from './household-import';

const header = ['小区', '楼栋', '单元', '楼层', '房号'];

describe('parseHouseholdSheet', () => {
  it('reads rows, trims cells, allows an empty unit and skips blank lines', () => {
    const parsed = parseHouseholdSheet([
      header,
      [' 阳光里 ', '1栋', '', '3', '301'],
      ['', '', '', '', ''],
      ['阳光里', '1栋', '2单元', 24, '2401'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, compound: '阳光里', building: '1栋', unit: '', floor: 3, room: '301' },
      { row: 4, compound: '阳光里', building: '1栋', unit: '2单元', floor: 24, room: '2401' },
    ]);
  });

  it('allows basements and refuses floor 0, fractions and words', () => {
    const parsed = parseHouseholdSheet([
      header,
      ['a', 'b', '', '-1', 'B101'],
      ['a', 'b', '', '0', '1'],
      ['a', 'b', '', '2.5', '2'],
      ['a', 'b', '', '三', '3'],
    ]);
    expect(parsed.rows.map((r) => r.floor)).toEqual([-1]);
    expect(parsed.errors.map((e) => e.row)).toEqual([3, 4, 5]);
  });

  it('reports duplicates with the row they repeat, and every problem of a row together', () => {
    const parsed = parseHouseholdSheet([
      header,
      ['a', 'b', '1', '1', '101'],
      ['a', 'b', '1', '2', '101'],
      ['', '', '', '', 'x'],
    ]);
    expect(parsed.errors).toEqual([
      { row: 3, message: '与第 2 行重复（a b 1 101）' },
      { row: 4, message: '小区不能为空；楼栋不能为空；楼层不能为空' },
    ]);
  });

  it('refuses a sheet without the columns, or without any household', () => {
    expect(parseHouseholdSheet([]).errors).toEqual([{ row: 1, message: '表格是空的' }]);
    expect(parseHouseholdSheet([['小区', '楼栋']]).errors[0].message).toContain('缺少列：单元、楼层、房号');
    expect(parseHouseholdSheet([header]).errors).toEqual([{ row: 2, message: '表格中没有住户数据' }]);
  });
});
