import { chinaMonthOf } from '@redvest/domain';
import { EntityManager, In } from 'typeorm';
import { HouseholdAssignment, HouseholdVisitMonth, Visit } from './entities';

/*
 * 走访计数: what coverage reads instead of the visits, kept in the transactions that change it. Each active
 * assignment has its household's latest visit; each household has its visits per month, marked with the
 * group it is assigned to now. A visit raises the one and adds to the other with statements that add to
 * what is there, while it holds its household's assignment row: visits of one household recorded at once
 * never overwrite each other's count, and an assignment or release waits for them.
 */

const CHUNK = 500;

const isMysql = (em: EntityManager) => em.connection.driver.options.type === 'mysql';

/** A time's month in China, `2026-11`, computed by the database (what `chinaMonthOf` says). */
export function chinaMonthSql(em: EntityManager, column: string): string {
  return isMysql(em)
    ? `DATE_FORMAT(${column} + INTERVAL 8 HOUR, '%Y-%m')`
    : `strftime('%Y-%m', ${column}, '+8 hours')`;
}

/** A visit just recorded, of a household of `visit.groupId` in `buildingId`. */
export async function countVisit(
  em: EntityManager,
  visit: Pick<Visit, 'householdId' | 'communityId' | 'groupId' | 'visitedAt'>,
  buildingId: string,
): Promise<void> {
  // Raised, never lowered: a visit typed in late is older than the latest.
  await em
    .createQueryBuilder()
    .update(HouseholdAssignment)
    .set({
      lastVisitedAt: () =>
        'CASE WHEN last_visited_at IS NULL OR last_visited_at < :visitedAt THEN :visitedAt ELSE last_visited_at END',
    })
    .where('household_id = :householdId')
    .setParameters({ visitedAt: visit.visitedAt, householdId: visit.householdId })
    .execute();
  const addOne = isMysql(em)
    ? 'ON DUPLICATE KEY UPDATE visits = visits + 1, group_id = VALUES(group_id)'
    : 'ON CONFLICT (household_id, month) DO UPDATE SET visits = visits + 1, group_id = excluded.group_id';
  await em.query(
    `INSERT INTO household_visit_months (household_id, month, community_id, building_id, group_id, visits)
     VALUES (?, ?, ?, ?, ?, 1) ${addOne}`,
    [visit.householdId, chinaMonthOf(visit.visitedAt), visit.communityId, buildingId, visit.groupId],
  );
}

/**
 * Households just assigned to `groupId`: their latest visit comes from their visits (one index lookup
 * each), and their months count for the group from now on.
 */
export async function countAssigned(
  em: EntityManager,
  groupId: string,
  householdIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < householdIds.length; i += CHUNK) {
    const chunk = householdIds.slice(i, i + CHUNK);
    await em
      .createQueryBuilder()
      .update(HouseholdAssignment)
      .set({
        lastVisitedAt: () =>
          '(SELECT MAX(v.visited_at) FROM visits v WHERE v.household_id = household_assignments.household_id)',
      })
      .where({ householdId: In(chunk) })
      .execute();
    await em.update(HouseholdVisitMonth, { householdId: In(chunk) }, { groupId });
  }
}

/** Households whose assignment ended: their months count for no group. */
export async function countUnassigned(em: EntityManager, householdIds: readonly string[]): Promise<void> {
  for (let i = 0; i < householdIds.length; i += CHUNK)
    await em.update(
      HouseholdVisitMonth,
      { householdId: In(householdIds.slice(i, i + CHUNK)) },
      { groupId: null },
    );
}
