import { EntityManager } from 'typeorm';
import { chinaMonthSql } from './visit-counters';

/** A time as either database answers it: a Date (MySQL) or `2026-11-23 08:00:00.000` in UTC (SQLite). */
const timeOf = (value: unknown): number | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.getTime()
      : new Date(`${String(value).replace(' ', 'T')}Z`).getTime();

/**
 * Whether the counters coverage reads agree with a community's visits and assignments: each assignment's
 * building and latest visit, each household's visits per month and the group and building they count for.
 * The disagreements, in words (none: they agree).
 */
export async function checkVisitCounters(em: EntityManager, communityId: string): Promise<string[]> {
  const problems: string[] = [];
  const assignments: {
    household_id: string;
    building_id: string;
    actual_building_id: string;
    kept: unknown;
    latest: unknown;
  }[] = await em.query(
    `SELECT a.household_id, a.building_id, h.building_id AS actual_building_id, a.last_visited_at AS kept,
       (SELECT MAX(v.visited_at) FROM visits v WHERE v.household_id = a.household_id) AS latest
     FROM household_assignments a INNER JOIN households h ON h.id = a.household_id
     WHERE a.community_id = ?`,
    [communityId],
  );
  for (const a of assignments) {
    if (a.building_id !== a.actual_building_id) problems.push(`住户 ${a.household_id} 的包户记录楼栋不符`);
    if (timeOf(a.kept) !== timeOf(a.latest))
      problems.push(`住户 ${a.household_id} 的最近走访记为 ${a.kept}，走访记录为 ${a.latest}`);
  }
  const kept: {
    household_id: string;
    month: string;
    visits: unknown;
    misplaced: unknown;
  }[] = await em.query(
    `SELECT m.household_id, m.month, m.visits,
       CASE WHEN m.building_id = h.building_id
         AND COALESCE(m.group_id, '') = COALESCE(a.group_id, '') THEN 0 ELSE 1 END AS misplaced
     FROM household_visit_months m
     INNER JOIN households h ON h.id = m.household_id
     LEFT JOIN household_assignments a ON a.household_id = m.household_id
     WHERE m.community_id = ?`,
    [communityId],
  );
  const month = chinaMonthSql(em, 'visited_at');
  const actual: { household_id: string; month: string; visits: unknown }[] = await em.query(
    `SELECT household_id, ${month} AS month, COUNT(*) AS visits FROM visits
     WHERE community_id = ? GROUP BY household_id, ${month}`,
    [communityId],
  );
  const counted = new Map(actual.map((r) => [`${r.household_id} ${r.month}`, Number(r.visits)]));
  for (const row of kept) {
    const key = `${row.household_id} ${row.month}`;
    const visits = counted.get(key) ?? 0;
    if (Number(row.misplaced))
      problems.push(`住户 ${row.household_id} ${row.month} 的走访计在别的小组或楼栋名下`);
    if (Number(row.visits) !== visits)
      problems.push(`住户 ${row.household_id} ${row.month} 的走访记为 ${row.visits} 次，实有 ${visits} 次`);
    counted.delete(key);
  }
  for (const [key, visits] of counted) {
    const [householdId, monthOf] = key.split(' ');
    problems.push(`住户 ${householdId} ${monthOf} 的 ${visits} 次走访没有计入`);
  }
  return problems;
}
