import {
  AssignmentConflict,
  BuildingAssignments,
  ContactGroupView,
  ContactSettings,
  CoverageResponse,
} from '@redvest/contract';
import { AssignmentRow, coverageRows, householdLabel, overdueCutoff } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Community } from '../communities/community.entity';
import { memberNames } from '../communities/member-names';
import { Db } from '../database/db';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { ContactGroup, ContactGroupMember, HouseholdAssignment, HouseholdVisitMonth } from './entities';

export function settingsOf(community: Community): ContactSettings {
  return { contactGroupSize: community.contactGroupSize, visitOverdueDays: community.visitOverdueDays };
}

/** 包户小组 as the secretary reads them: the groups, a building's floor map, the month's coverage. */
@Injectable()
export class ContactGroupViews {
  constructor(private readonly db: Db) {}

  async list(communityId: string): Promise<{ items: ContactGroupView[] }> {
    return this.db.read(async (em) => ({
      items: await this.build(
        em,
        await em.find(ContactGroup, { where: { communityId, status: 'active' }, order: { name: 'ASC' } }),
      ),
    }));
  }

  async settings(communityId: string): Promise<ContactSettings> {
    return this.db.read(async (em) =>
      settingsOf(await em.findOneOrFail(Community, { where: { id: communityId } })),
    );
  }

  /** A building's households by floor (top floor first) with the group each is assigned to. */
  async buildingAssignments(buildingId: string): Promise<BuildingAssignments> {
    return this.db.read(async (em) => {
      const building = await em.findOneOrFail(Building, { where: { id: buildingId } });
      const compound = await em.findOne(Compound, { where: { id: building.compoundId } });
      const households = await em.find(Household, { where: { buildingId } });
      const assignments = households.length
        ? await em.find(HouseholdAssignment, { where: { householdId: In(households.map((h) => h.id)) } })
        : [];
      const groups = assignments.length
        ? await em.find(ContactGroup, { where: { id: In([...new Set(assignments.map((a) => a.groupId))]) } })
        : [];
      const collator = new Intl.Collator('zh', { numeric: true });
      households.sort(
        (a, b) => b.floor - a.floor || collator.compare(a.unit, b.unit) || collator.compare(a.room, b.room),
      );
      return {
        buildingId,
        building: building.name,
        compound: compound?.name ?? null,
        households: households.map((h) => {
          const group = groups.find((g) => g.id === assignments.find((a) => a.householdId === h.id)?.groupId);
          return {
            id: h.id,
            label: householdLabel(building.name, h.unit, h.room),
            unit: h.unit,
            floor: h.floor,
            room: h.room,
            groupId: group?.id ?? null,
            groupName: group?.name ?? null,
          };
        }),
      };
    });
  }

  /**
   * 走访覆盖: per group and building, households, visited in the month, overdue now. Counted from the
   * counters kept with the visits (visit-counters.ts), each from one index read in its order: the
   * assignments' (community, group, building, last visit) and the month's (community, month, group,
   * building). Never from the visits, so the cost follows the households, not their history. Assignments
   * exist only for active groups (解散 ends them).
   */
  async coverage(communityId: string, month: string): Promise<CoverageResponse> {
    return this.db.read(async (em) => {
      const community = em.findOneOrFail(Community, { where: { id: communityId } });
      const [{ visitOverdueDays }, assigned, visited, groups, buildings] = await Promise.all([
        community,
        community.then(({ visitOverdueDays: days }) =>
          em
            .createQueryBuilder(HouseholdAssignment, 'a')
            .select('a.group_id', 'groupId')
            .addSelect('a.building_id', 'buildingId')
            .addSelect('COUNT(*)', 'households')
            .addSelect('SUM(CASE WHEN a.last_visited_at >= :cutoff THEN 1 ELSE 0 END)', 'recent')
            .where('a.community_id = :communityId', { communityId, cutoff: overdueCutoff(new Date(), days) })
            .groupBy('a.group_id')
            .addGroupBy('a.building_id')
            .getRawMany<{ groupId: string; buildingId: string; households: unknown; recent: unknown }>(),
        ),
        em
          .createQueryBuilder(HouseholdVisitMonth, 'm')
          .select('m.group_id', 'groupId')
          .addSelect('m.building_id', 'buildingId')
          .addSelect('COUNT(*)', 'visited')
          .where('m.community_id = :communityId AND m.month = :month', { communityId, month })
          .andWhere('m.group_id IS NOT NULL')
          .groupBy('m.group_id')
          .addGroupBy('m.building_id')
          .getRawMany<{ groupId: string; buildingId: string; visited: unknown }>(),
        names(em, ContactGroup, " AND x.status = 'active'", communityId),
        names(em, Building, '', communityId),
      ]);
      const visitedIn = new Map(visited.map((v) => [`${v.groupId}/${v.buildingId}`, Number(v.visited)]));
      return {
        month,
        overdueDays: visitOverdueDays,
        rows: coverageRows(
          assigned
            .filter((a) => groups.has(a.groupId))
            .map((a) => ({
              groupId: a.groupId,
              groupName: groups.get(a.groupId)!,
              buildingId: a.buildingId,
              building: buildings.get(a.buildingId) ?? '',
              households: Number(a.households),
              visited: visitedIn.get(`${a.groupId}/${a.buildingId}`) ?? 0,
              recent: Number(a.recent),
            })),
        ),
      };
    });
  }

  /** The households other groups hold, named as the secretary knows them, for an assignment refused. */
  async conflicts(em: EntityManager, taken: readonly AssignmentRow[]): Promise<AssignmentConflict[]> {
    const households = await em.find(Household, { where: { id: In(taken.map((a) => a.householdId)) } });
    const buildings = await em.find(Building, { where: { id: In(households.map((h) => h.buildingId)) } });
    const groups = await em.find(ContactGroup, { where: { id: In(taken.map((a) => a.groupId)) } });
    return taken.map((a) => {
      const h = households.find((x) => x.id === a.householdId)!;
      return {
        householdId: h.id,
        label: householdLabel(buildings.find((b) => b.id === h.buildingId)?.name ?? '', h.unit, h.room),
        groupId: a.groupId,
        groupName: groups.find((g) => g.id === a.groupId)?.name ?? '',
      };
    });
  }

  async build(em: EntityManager, groups: ContactGroup[]): Promise<ContactGroupView[]> {
    if (groups.length === 0) return [];
    const members = await em.find(ContactGroupMember, { where: { groupId: In(groups.map((g) => g.id)) } });
    const names = await memberNames(
      em,
      groups[0].communityId,
      members.map((m) => m.userId),
    );
    const compounds = await em.find(Compound, { where: { communityId: groups[0].communityId } });
    const counts = await em
      .createQueryBuilder(HouseholdAssignment, 'a')
      .select('a.group_id', 'groupId')
      .addSelect('COUNT(*)', 'households')
      .where('a.group_id IN (:...ids)', { ids: groups.map((g) => g.id) })
      .groupBy('a.group_id')
      .getRawMany<{ groupId: string; households: unknown }>();
    return groups.map((g) => ({
      id: g.id,
      communityId: g.communityId,
      name: g.name,
      compoundId: g.compoundId,
      compound: compounds.find((c) => c.id === g.compoundId)?.name ?? null,
      leaderId: g.leaderId,
      members: members
        .filter((m) => m.groupId === g.id)
        .map((m) => ({ userId: m.userId, name: names.get(m.userId) ?? '' })),
      status: g.status,
      householdCount: Number(counts.find((c) => c.groupId === g.id)?.households ?? 0),
    }));
  }
}

/** A community's names by id, as plain rows (a thousand groups need not become entities). */
async function names(
  em: EntityManager,
  entity: typeof ContactGroup | typeof Building,
  where: string,
  communityId: string,
): Promise<Map<string, string>> {
  const rows = await em
    .createQueryBuilder(entity, 'x')
    .select('x.id', 'id')
    .addSelect('x.name', 'name')
    .where(`x.community_id = :communityId${where}`, { communityId })
    .getRawMany<{ id: string; name: string }>();
  return new Map(rows.map((r) => [r.id, r.name]));
}
