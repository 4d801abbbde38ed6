import { CoverageRow, toIsoLocal } from '@redvest/contract';

/** A month of the calendar in China, `2026-11`: from its first moment to the next month's. */
export function chinaMonth(month: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return {
    start: new Date(`${month}-01T00:00:00+08:00`),
    // The next month's first midnight in China: adding a month in UTC would land on the last day of this one.
    end: new Date(`${next}-01T00:00:00+08:00`),
  };
}

/** The month in China a moment falls in, `2026-11`: the one whose `chinaMonth` holds it. */
export function chinaMonthOf(at: Date): string {
  return toIsoLocal(at).slice(0, 7);
}

/**
 * The households of one group in one building: how many, how many were visited in the month, and how
 * many since the overdue cutoff (by anyone: a household's visits count for whichever group has it now).
 */
export interface GroupBuildingTally {
  groupId: string;
  groupName: string;
  buildingId: string;
  building: string;
  households: number;
  visited: number;
  recent: number;
}

const byName = new Intl.Collator('zh');
const byNumberedName = new Intl.Collator('zh', { numeric: true });

/**
 * 走访覆盖: per group and building, its households, those visited in the month, and those nobody visited
 * since the cutoff (overdue); by group name, then building, as people read them.
 */
export function coverageRows(tallies: readonly GroupBuildingTally[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const t of tallies) {
    const key = `${t.groupId}/${t.buildingId}`;
    const row = rows.get(key) ?? {
      groupId: t.groupId,
      groupName: t.groupName,
      building: t.building,
      households: 0,
      visited: 0,
      overdue: 0,
    };
    row.households += t.households;
    row.visited += t.visited;
    row.overdue += t.households - t.recent;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (x, y) => byName.compare(x.groupName, y.groupName) || byNumberedName.compare(x.building, y.building),
  );
}

/** 覆盖率: the share of households visited in the month, in whole percent (none to visit: 0). */
export function coveragePercent(visited: number, households: number): number {
  return households > 0 ? Math.round((Math.min(visited, households) / households) * 100) : 0;
}
