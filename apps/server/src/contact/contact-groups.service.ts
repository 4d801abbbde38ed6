import {
  AssignmentConflict,
  AssignmentResult,
  BuildingAssignments,
  ContactGroupView,
  ContactSettings,
  CoverageResponse,
  ErrorCode,
  MembershipStatus,
  ReleaseResult,
  Role,
} from '@redvest/contract';
import { effectiveRoles, floorRange, householdLabel, overdueCutoff } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { isDuplicateKey } from '../database/db-errors';
import { newId } from '../database/ids';
import { memberNames } from '../communities/member-names';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import {
  AssignHouseholdsDto,
  ContactSettingsDto,
  CreateContactGroupDto,
  ReleaseHouseholdsDto,
  UpdateContactGroupDto,
} from './dto';
import {
  AssignmentEndReason,
  ContactGroup,
  ContactGroupMember,
  HouseholdAssignment,
  HouseholdAssignmentHistory,
  Visit,
} from './entities';

/** What a member's leaving did to one contact group. */
export type GroupChange = { groupId: string; name: string } & (
  { outcome: 'left' | 'dissolved' } | { outcome: 'new_leader'; leaderId: string }
);

function settingsOf(community: Community): ContactSettings {
  return { contactGroupSize: community.contactGroupSize, visitOverdueDays: community.visitOverdueDays };
}

/** 包户小组 and their households (包干到户, DESIGN §6). */
@Injectable()
export class ContactGroupsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  async create(communityId: string, body: CreateContactGroupDto): Promise<ContactGroupView> {
    return this.db.transaction(async (em) => {
      await this.checkMembers(em, communityId, body.memberIds, body.leaderId);
      await this.checkCompound(em, communityId, body.compoundId);
      const group: ContactGroup = {
        id: newId(),
        communityId,
        compoundId: body.compoundId ?? null,
        name: body.name.trim(),
        leaderId: body.leaderId,
        status: 'active',
        createdAt: new Date(),
        dissolvedAt: null,
      };
      await em.insert(ContactGroup, group);
      for (const userId of body.memberIds) await em.insert(ContactGroupMember, { groupId: group.id, userId });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: group.id,
        subjectId: body.leaderId,
        summary: `组建“${clip(group.name, 40)}”：${body.memberIds.length} 名成员，组长为涉及成员`,
      });
      return (await this.views(em, [group]))[0];
    });
  }

  async list(communityId: string): Promise<{ items: ContactGroupView[] }> {
    return this.db.read(async (em) => ({
      items: await this.views(
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

  /** A smaller group size applies to groups formed or changed from now on; existing groups keep their members. */
  async updateSettings(communityId: string, body: ContactSettingsDto): Promise<ContactSettings> {
    return this.db.transaction(async (em) => {
      const changes: Partial<Community> = {
        ...(body.contactGroupSize !== undefined ? { contactGroupSize: body.contactGroupSize } : {}),
        ...(body.visitOverdueDays !== undefined ? { visitOverdueDays: body.visitOverdueDays } : {}),
      };
      const before = settingsOf(await em.findOneOrFail(Community, { where: { id: communityId } }));
      if (Object.keys(changes).length) await em.update(Community, { id: communityId }, changes);
      const after = settingsOf(await em.findOneOrFail(Community, { where: { id: communityId } }));
      await this.audit.record(em, {
        targetType: 'community',
        targetId: communityId,
        summary: `每组人数上限 ${before.contactGroupSize} → ${after.contactGroupSize}；逾期天数 ${before.visitOverdueDays} → ${after.visitOverdueDays}`,
      });
      return after;
    });
  }

  /** 修改: name, members, leader or compound. Members who leave keep the visits they recorded. */
  async update(groupId: string, body: UpdateContactGroupDto): Promise<ContactGroupView> {
    return this.db.transaction(async (em) => {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      const current = (await em.find(ContactGroupMember, { where: { groupId } })).map((m) => m.userId);
      const memberIds = body.memberIds ?? current;
      const leaderId = body.leaderId ?? group.leaderId;
      if (body.memberIds || body.leaderId)
        await this.checkMembers(em, group.communityId, memberIds, leaderId);
      await this.checkCompound(em, group.communityId, body.compoundId);
      const changes: Partial<ContactGroup> = {
        name: body.name?.trim() ?? group.name,
        leaderId,
        compoundId: body.compoundId === undefined ? group.compoundId : body.compoundId,
      };
      await em.update(ContactGroup, { id: groupId }, changes);
      const leaving = current.filter((id) => !memberIds.includes(id));
      if (leaving.length) await em.delete(ContactGroupMember, { groupId, userId: In(leaving) });
      const joining = memberIds.filter((id) => !current.includes(id));
      for (const userId of joining) await em.insert(ContactGroupMember, { groupId, userId });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: [
          changes.name !== group.name
            ? `名称“${clip(group.name, 40)}”改为“${clip(changes.name!, 40)}”`
            : `修改“${clip(group.name, 40)}”`,
          joining.length ? `加入 ${joining.length} 人` : '',
          leaving.length ? `离开 ${leaving.length} 人` : '',
          leaderId !== group.leaderId ? '更换组长' : '',
          changes.compoundId !== group.compoundId ? '更换所属小区' : '',
        ]
          .filter(Boolean)
          .join('；'),
      });
      return (await this.views(em, [{ ...group, ...changes }]))[0];
    });
  }

  /** 解散: its assignments end (into the history), its visits and demands stay. */
  async dissolve(groupId: string): Promise<ContactGroupView> {
    return this.db.transaction(async (em) => {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      const now = new Date();
      const active = await em.find(HouseholdAssignment, { where: { groupId } });
      await this.endAssignments(em, active, now, 'dissolved');
      await em.update(ContactGroup, { id: groupId }, { status: 'dissolved', dissolvedAt: now });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: `解散“${clip(group.name, 40)}”，结束 ${active.length} 户的包户`,
      });
      return (await this.views(em, [{ ...group, status: 'dissolved', dissolvedAt: now }]))[0];
    });
  }

  /**
   * A member whose membership ends (退出社区, 移除成员, 注销账号) leaves every active group of the community,
   * inside the caller's transaction. A group they led is led from then on by the member who has been a
   * user longest (the smallest id); a group left empty is dissolved. Their visits stay with the group.
   */
  async withdrawMember(em: EntityManager, communityId: string, userId: string): Promise<GroupChange[]> {
    const rows = await em
      .createQueryBuilder(ContactGroup, 'g')
      .innerJoin(ContactGroupMember, 'm', 'm.group_id = g.id')
      .where('g.community_id = :communityId AND m.user_id = :userId', { communityId, userId })
      .andWhere("g.status = 'active'")
      .getMany();
    const changes: GroupChange[] = [];
    for (const listed of rows) {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: listed.id }, ...this.db.forUpdate });
      if (group.status !== 'active') continue;
      await em.delete(ContactGroupMember, { groupId: group.id, userId });
      const left = await em.find(ContactGroupMember, {
        where: { groupId: group.id },
        order: { userId: 'ASC' },
      });
      if (left.length === 0) {
        const now = new Date();
        await this.endAssignments(
          em,
          await em.find(HouseholdAssignment, { where: { groupId: group.id } }),
          now,
          'dissolved',
        );
        await em.update(ContactGroup, { id: group.id }, { status: 'dissolved', dissolvedAt: now });
        changes.push({ groupId: group.id, name: group.name, outcome: 'dissolved' });
      } else if (group.leaderId === userId) {
        await em.update(ContactGroup, { id: group.id }, { leaderId: left[0].userId });
        changes.push({
          groupId: group.id,
          name: group.name,
          outcome: 'new_leader',
          leaderId: left[0].userId,
        });
      } else {
        changes.push({ groupId: group.id, name: group.name, outcome: 'left' });
      }
    }
    return changes;
  }

  /**
   * Assigns a building's floors (optionally one unit) or listed households. Households another group has
   * are refused with the list, unless `reassign` takes them over; the key on the household makes two
   * overlapping assignments at once end with one winner.
   */
  async assign(groupId: string, body: AssignHouseholdsDto): Promise<AssignmentResult> {
    return this.assignOnce(groupId, body).catch(async (error) => {
      // Another assignment took some of these households in the meantime: report them as any conflict.
      if (!isDuplicateKey(error)) throw error;
      const conflicts = await this.db.read(async (em) => {
        const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId } });
        const households = await this.select(em, group.communityId, body);
        const taken = await em.find(HouseholdAssignment, {
          where: { householdId: In(households.map((h) => h.id)) },
        });
        return this.conflicts(
          em,
          taken.filter((a) => a.groupId !== groupId),
        );
      });
      throw new DomainError(ErrorCode.AssignmentConflict, { conflicts });
    });
  }

  private async assignOnce(groupId: string, body: AssignHouseholdsDto): Promise<AssignmentResult> {
    return this.db.transaction(async (em) => {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      const households = await this.select(em, group.communityId, body);
      if (households.length === 0) throw new DomainError(ErrorCode.NoHouseholdsMatched);
      const current = await em.find(HouseholdAssignment, {
        where: { householdId: In(households.map((h) => h.id)) },
        ...this.db.forUpdate,
      });
      const others = current.filter((a) => a.groupId !== groupId);
      if (others.length && !body.reassign)
        throw new DomainError(ErrorCode.AssignmentConflict, { conflicts: await this.conflicts(em, others) });
      const now = new Date();
      const reassigned = await this.endAssignments(em, others, now, 'reassigned');
      const taken = new Set(current.filter((a) => a.groupId === groupId).map((a) => a.householdId));
      const fresh = households.filter((h) => !taken.has(h.id));
      for (const h of fresh)
        await em.insert(HouseholdAssignment, {
          householdId: h.id,
          groupId,
          communityId: group.communityId,
          assignedAt: now,
        });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: `给“${clip(group.name, 40)}”分配 ${fresh.length} 户${body.buildingId ? `（${body.floorFrom}–${body.floorTo} 层）` : ''}${reassigned ? `，其中 ${reassigned} 户从其他小组转来` : ''}`,
      });
      return { assigned: fresh.length, reassigned };
    });
  }

  /** 收回: the group's listed households become unassigned; households of other groups are left alone. */
  async release(groupId: string, body: ReleaseHouseholdsDto): Promise<ReleaseResult> {
    return this.db.transaction(async (em) => {
      // The group's row: a 解散 at the same moment waits, or this waits for it and finds the group dissolved.
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      const held = await em.find(HouseholdAssignment, {
        where: { groupId, householdId: In(body.householdIds) },
        ...this.db.forUpdate,
      });
      const released = await this.endAssignments(em, held, new Date(), 'released');
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: `从“${clip(group.name, 40)}”收回 ${released} 户`,
      });
      return { released };
    });
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
      const start = new Date(`${month}-01T00:00:00+08:00`);
      const end = new Date(start);
      end.setUTCMonth(end.getUTCMonth() + 1);
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
      const rows = new Map<string, CoverageResponse['rows'][number]>();
      for (const h of perHousehold) {
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
        if (Number(h.inMonth) > 0) row.visited++;
        if (!(Number(h.recent) > 0)) row.overdue++;
        rows.set(key, row);
      }
      return {
        month,
        overdueDays: community.visitOverdueDays,
        rows: [...rows.values()].sort(
          (x, y) =>
            x.groupName.localeCompare(y.groupName, 'zh') ||
            x.building.localeCompare(y.building, 'zh', { numeric: true }),
        ),
      };
    });
  }

  private async select(
    em: EntityManager,
    communityId: string,
    body: AssignHouseholdsDto,
  ): Promise<Household[]> {
    if (body.householdIds?.length)
      return em.find(Household, { where: { id: In(body.householdIds), communityId } });
    if (!body.buildingId || body.floorFrom === undefined || body.floorTo === undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, [
        { field: 'buildingId', message: '请选择楼栋和楼层范围，或选择住户' },
      ]);
    }
    return em.find(Household, {
      where: {
        communityId,
        buildingId: body.buildingId,
        floor: In(floorRange(body.floorFrom, body.floorTo)),
        ...(body.unit !== undefined ? { unit: body.unit } : {}),
      },
    });
  }

  private async endAssignments(
    em: EntityManager,
    assignments: HouseholdAssignment[],
    endedAt: Date,
    reason: AssignmentEndReason,
  ): Promise<number> {
    let ended = 0;
    for (const a of assignments) {
      // Written to the history only by whoever removed the row: one ending, one history row.
      const removed = await em.delete(HouseholdAssignment, {
        householdId: a.householdId,
        groupId: a.groupId,
      });
      if (!removed.affected) continue;
      ended++;
      await em.insert(HouseholdAssignmentHistory, {
        id: newId(),
        householdId: a.householdId,
        groupId: a.groupId,
        assignedAt: a.assignedAt,
        endedAt,
        reason,
      });
    }
    return ended;
  }

  private async conflicts(em: EntityManager, taken: HouseholdAssignment[]): Promise<AssignmentConflict[]> {
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

  private async checkCompound(em: EntityManager, communityId: string, compoundId: string | null | undefined) {
    if (compoundId && !(await em.findOne(Compound, { where: { id: compoundId, communityId } })))
      throw new DomainError(ErrorCode.CompoundNotFound);
  }

  private async checkMembers(em: EntityManager, communityId: string, memberIds: string[], leaderId: string) {
    const community = await em.findOneOrFail(Community, { where: { id: communityId } });
    if (!memberIds.includes(leaderId) || memberIds.length > community.contactGroupSize)
      throw new DomainError(ErrorCode.ContactGroupInvalid);
    for (const userId of memberIds) {
      const m = await findMembership(em, communityId, userId);
      if (
        !m ||
        m.membership.status !== MembershipStatus.Active ||
        !effectiveRoles(m.granted).has(Role.PartyMember)
      ) {
        throw new DomainError(ErrorCode.ContactGroupInvalid, { userId });
      }
    }
  }

  private async views(em: EntityManager, groups: ContactGroup[]): Promise<ContactGroupView[]> {
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
