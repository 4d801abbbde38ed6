import {
  AssignmentConflict,
  BuildingAssignments,
  ContactGroupView,
  ContactSettings,
  CoverageResponse,
} from '@redvest/contract';
import { AssignmentRow, chinaMonth, coverageRows, householdLabel, overdueCutoff } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Community } from '../communities/community.entity';
import { memberNames } from '../communities/member-names';
import { Db } from '../database/db';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { ContactGroup, ContactGroupMember, HouseholdAssignment, Visit } from './entities';

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
   * 走访覆盖: per group and building, households, visited in the month, overdue now. The database counts per
   * household (the visits index by household and time), so the cost grows with households, not with visits.
   */
  async coverage(communityId: string, month: string): Promise<CoverageResponse> {
    return this.db.read(async (em) => {
      const community = await em.findOneOrFail(Community, { where: { id: communityId } });
      const { start, end } = chinaMonth(month);
      const perHousehold = await em
        .createQueryBuilder(HouseholdAssignment, 'a')
        .innerJoin(ContactGroup, 'g', 'g.id = a.group_id')
        .innerJoin(Household, 'h', 'h.id = a.household_id')
        .innerJoin(Building, 'b', 'b.id = h.building_id')
        .leftJoin(Visit, 'v', 'v.household_id = a.household_id')
        .where('a.community_id = :communityId', { communityId })
        .andWhere("g.status = 'active'")
        .select('a.group_id', 'groupId')
        .addSelect('g.name', 'groupName')
        .addSelect('b.id', 'buildingId')
        .addSelect('b.name', 'building')
        .addSelect(
          'SUM(CASE WHEN v.visited_at >= :start AND v.visited_at < :end THEN 1 ELSE 0 END)',
          'inMonth',
        )
        .addSelect('SUM(CASE WHEN v.visited_at >= :cutoff THEN 1 ELSE 0 END)', 'recent')
        .setParameters({ start, end, cutoff: overdueCutoff(new Date(), community.visitOverdueDays) })
        .groupBy('a.household_id')
        .addGroupBy('a.group_id')
        .addGroupBy('g.name')
        .addGroupBy('b.id')
        .addGroupBy('b.name')
        .getRawMany<{
          groupId: string;
          groupName: string;
          buildingId: string;
          building: string;
          inMonth: unknown;
          recent: unknown;
        }>();
      return {
        month,
        overdueDays: community.visitOverdueDays,
        rows: coverageRows(
          perHousehold.map((h) => ({ ...h, inMonth: Number(h.inMonth), recent: Number(h.recent) })),
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
