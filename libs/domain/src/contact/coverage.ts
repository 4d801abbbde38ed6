import { CoverageRow } from '@redvest/contract';

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

/** One assigned household, with how often it was visited in the month and since the overdue cutoff. */
export interface HouseholdVisits {
  groupId: string;
  groupName: string;
  buildingId: string;
  building: string;
  inMonth: number;
  recent: number;
}

/**
 * 走访覆盖: per group and building, its households, those visited in the month, and those nobody visited
 * since the cutoff (overdue); by group name, then building, as people read them.
 */
export function coverageRows(households: readonly HouseholdVisits[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const h of households) {
    const key = `${h.groupId}/${h.buildingId}`;
    const row = rows.get(key) ?? {
      groupId: h.groupId,
      groupName: h.groupName,
      building: h.building,
      households: 0,
      visited: 0,
      overdue: 0,
    };
    row.households++;
    if (h.inMonth > 0) row.visited++;
    if (!(h.recent > 0)) row.overdue++;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (x, y) =>
      x.groupName.localeCompare(y.groupName, 'zh') ||
      x.building.localeCompare(y.building, 'zh', { numeric: true }),
  );
}
