import { ImportRowError } from '@redvest/contract';

/** The columns of the import sheet (DESIGN §7), in this order. */
export const IMPORT_COLUMNS = ['小区', '楼栋', '单元', '楼层', '房号'] as const;

export interface HouseholdRow {
  /** The row number as the person sees it in the sheet (the header is row 1). */
  row: number;
  compound: string;
  building: string;
  unit: string;
  floor: number;
  room: string;
}

export interface ParsedSheet {
  rows: HouseholdRow[];
  errors: ImportRowError[];
}

const MAX_NAME = 32;
const MAX_ROOM = 16;
export const MIN_FLOOR = -5;
export const MAX_FLOOR = 200;
export const MAX_IMPORT_ROWS = 20000;

function clean(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\u3000/g, ' ')
    .trim();
}

/** Maps the header row to column positions; the columns may come in any order. */
export function locateColumns(header: unknown[]): { index: Record<string, number>; missing: string[] } {
  const names = header.map(clean);
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const column of IMPORT_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) missing.push(column);
    else index[column] = at;
  }
  return { index, missing };
}

/**
 * Checks every row of a sheet (header first) and reports each problem with its row number.
 * Units are optional ("" when a building has none); floors are whole numbers; (compound, building, unit,
 * room) appears once.
 */
export function parseHouseholdSheet(table: unknown[][]): ParsedSheet {
  const errors: ImportRowError[] = [];
  if (table.length === 0) return { rows: [], errors: [{ row: 1, message: '表格是空的' }] };
  const { index, missing } = locateColumns(table[0]);
  if (missing.length) {
    return {
      rows: [],
      errors: [{ row: 1, message: `缺少列：${missing.join('、')}（应为 ${IMPORT_COLUMNS.join('、')}）` }],
    };
  }
  const body = table.slice(1);
  if (body.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: 1, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }] };
  }
  const rows: HouseholdRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const get = (column: (typeof IMPORT_COLUMNS)[number]) => clean(cells[index[column]]);
    if (cells.every((cell) => clean(cell) === '')) return;
    const compound = get('小区');
    const building = get('楼栋');
    const unit = get('单元');
    const floorText = get('楼层');
    const room = get('房号');
    const problems: string[] = [];
    if (!compound) problems.push('小区不能为空');
    else if (compound.length > MAX_NAME) problems.push(`小区名称不能超过 ${MAX_NAME} 个字`);
    if (!building) problems.push('楼栋不能为空');
    else if (building.length > MAX_NAME) problems.push(`楼栋名称不能超过 ${MAX_NAME} 个字`);
    if (unit.length > MAX_NAME) problems.push(`单元名称不能超过 ${MAX_NAME} 个字`);
    const floor = Number(floorText);
    if (!floorText) problems.push('楼层不能为空');
    else if (!Number.isInteger(floor) || floor < MIN_FLOOR || floor > MAX_FLOOR || floor === 0) {
      problems.push(`楼层应为 ${MIN_FLOOR} 到 ${MAX_FLOOR} 之间的整数（不含 0），而不是“${floorText}”`);
    }
    if (!room) problems.push('房号不能为空');
    else if (room.length > MAX_ROOM) problems.push(`房号不能超过 ${MAX_ROOM} 个字`);
    if (problems.length) {
      errors.push({ row, message: problems.join('；') });
      return;
    }
    const key = householdKey(compound, building, unit, room);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, message: `与第 ${first} 行重复（${compound} ${building} ${unit} ${room}）` });
      return;
    }
    seen.set(key, row);
    rows.push({ row, compound, building, unit, floor, room });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 2, message: '表格中没有住户数据' });
  return { rows, errors };
}

export function householdKey(compound: string, building: string, unit: string, room: string): string {
  return [compound, building, unit, room].join('\u0000');
}
