import {
  ErrorCode,
  HouseholdCard,
  HouseholdFlag,
  MyHouseholdView,
  toIsoLocal,
  VisitView,
} from '@redvest/contract';
import {
  householdCardAccess,
  householdLabel,
  isOverdue,
  isRefusal,
  maskPhone,
  normalisePhone,
  visitVisitors,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CommunityAccess, standingOf } from '../auth/auth-context';
import { DomainError, refusedWith } from '../common/domain-error';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { requestFingerprint } from '../common/request-fingerprint';
import { Community } from '../communities/community.entity';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { memberNames } from '../communities/member-names';
import { Building } from '../organisation/building.entity';
import { Household } from '../organisation/household.entity';
import { User } from '../users/user.entity';
import { DemandsService } from './demands.service';
import { VisitDto } from './dto';
import { ContactGroup, ContactGroupMember, Demand, HouseholdAssignment, Visit } from './entities';
import { countVisit } from './visit-counters';

/** 入户走访: the households of my group, a household's card, and recording a visit with its demands. */
@Injectable()
export class VisitsService {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly demands: DemandsService,
    private readonly audit: AuditTrail,
  ) {}

  /** 我的包户: the households of every group I am in, by building and floor, with their last visit. */
  async mine(userId: string): Promise<{ items: MyHouseholdView[] }> {
    return this.db.read(async (em) => {
      const memberships = await em.find(ContactGroupMember, { where: { userId } });
      const groups = memberships.length
        ? await em.find(ContactGroup, {
            where: { id: In(memberships.map((m) => m.groupId)), status: 'active' },
          })
        : [];
      const assignments = groups.length
        ? await em.find(HouseholdAssignment, { where: { groupId: In(groups.map((g) => g.id)) } })
        : [];
      if (assignments.length === 0) return { items: [] };
      const households = await em.find(Household, {
        where: { id: In(assignments.map((a) => a.householdId)) },
      });
      const buildings = await em.find(Building, {
        where: { id: In([...new Set(households.map((h) => h.buildingId))]) },
      });
      // Each household's latest visit only, found by the time its assignment keeps (visits' household index).
      const visits = await em
        .createQueryBuilder(Visit, 'v')
        .innerJoin(
          HouseholdAssignment,
          'a',
          'a.household_id = v.household_id AND a.last_visited_at = v.visited_at',
        )
        .where('a.household_id IN (:...ids)', { ids: assignments.map((a) => a.householdId) })
        .orderBy('v.id', 'DESC')
        .getMany();
      const communities = await em.find(Community, { where: { id: In(groups.map((g) => g.communityId)) } });
      const now = new Date();
      const items = households.map((h) => {
        const group = groups.find((g) => g.id === assignments.find((a) => a.householdId === h.id)!.groupId)!;
        const last = visits.find((v) => v.householdId === h.id) ?? null;
        const building = buildings.find((b) => b.id === h.buildingId)?.name ?? '';
        const overdueDays = communities.find((c) => c.id === group.communityId)?.visitOverdueDays ?? 90;
        return {
          id: h.id,
          label: householdLabel(building, h.unit, h.room),
          building,
          unit: h.unit,
          floor: h.floor,
          room: h.room,
          groupName: group.name,
          lastVisitedAt: last ? toIsoLocal(last.visitedAt) : null,
          overdue: isOverdue(last?.visitedAt ?? null, now, overdueDays),
          flags: last ? (JSON.parse(last.flags) as HouseholdFlag[]) : [],
        };
      });
      const collator = new Intl.Collator('zh', { numeric: true });
      items.sort(
        (a, b) =>
          collator.compare(a.building, b.building) ||
          collator.compare(a.unit, b.unit) ||
          b.floor - a.floor ||
          collator.compare(a.room, b.room),
      );
      return { items };
    });
  }

  /**
   * A household's card: its group, its latest visit and history. Phones in full for the community
   * secretary and the assigned group (each such view is written down), masked for a branch secretary;
   * nobody else sees the card.
   */
  async card(access: CommunityAccess, userId: string, householdId: string): Promise<HouseholdCard> {
    return this.db.read(async (em) => {
      const household = await em.findOneOrFail(Household, { where: { id: householdId } });
      const { group, inGroup } = await this.assignedGroup(em, householdId, userId);
      const allowed = householdCardAccess(standingOf(access, userId), household, inGroup);
      if (isRefusal(allowed)) throw refusedWith(allowed);
      const { fullPhones } = allowed;
      const community = await em.findOneOrFail(Community, { where: { id: household.communityId } });
      const visits = await em.find(Visit, { where: { householdId }, order: { visitedAt: 'DESC' }, take: 50 });
      const views = await this.visitViews(em, visits, fullPhones);
      const building = await em.findOneOrFail(Building, { where: { id: household.buildingId } });
      const label = householdLabel(building.name, household.unit, household.room);
      const phones = visits.filter((v) => v.phoneEnc).length;
      if (fullPhones && phones) {
        this.audit.serve({
          targetType: 'household',
          targetId: household.id,
          summary: `查看住户 ${label} 的卡片，含完整电话 ${phones} 个`,
        });
      }
      return {
        id: household.id,
        label,
        buildingId: household.buildingId,
        unit: household.unit,
        floor: household.floor,
        room: household.room,
        group: group ? { id: group.id, name: group.name, members: await this.members(em, group) } : null,
        lastVisit: views[0] ?? null,
        overdue: isOverdue(visits[0]?.visitedAt ?? null, new Date(), community.visitOverdueDays),
        visits: views,
      };
    });
  }

  /** Records a visit by a member of the assigned group; the phone is stored encrypted; demands go to the branch. */
  async record(
    userId: string,
    householdId: string,
    body: VisitDto,
    clientKey: string | null,
  ): Promise<VisitView> {
    return this.db.transaction(async (em) => {
      const household = await em.findOneOrFail(Household, { where: { id: householdId } });
      // The assignment's row, held to the end: a reassignment or release waits for this visit to be
      // counted on it, or this visit finds the household's new group.
      const { group, inGroup } = await this.assignedGroup(em, householdId, userId, this.db.forUpdate);
      if (!group || !inGroup) throw new DomainError(ErrorCode.NotInAssignedGroup);
      const key = clientKey ?? newId();
      const requestHash = requestFingerprint({ householdId, ...body });
      if (clientKey) {
        // One phone resending a saved visit: its copies take turns on the recorder's row, so the later
        // ones find the first instead of colliding on the unique key.
        await em.findOne(User, { where: { id: userId }, ...this.db.forUpdate });
        const earlier = await em.findOne(Visit, { where: { recordedBy: userId, clientKey: key } });
        if (earlier) {
          if (earlier.requestHash && earlier.requestHash !== requestHash)
            throw new DomainError(ErrorCode.IdempotencyKeyReused);
          return (await this.visitViews(em, [earlier], true))[0];
        }
      }
      const members = await em.find(ContactGroupMember, { where: { groupId: group.id } });
      const visitors = visitVisitors(
        userId,
        body.visitorIds ?? [],
        members.map((m) => m.userId),
      );
      if (isRefusal(visitors)) throw refusedWith(visitors);
      const visit: Visit = {
        id: newId(),
        communityId: household.communityId,
        householdId,
        groupId: group.id,
        visitedAt: new Date(body.visitedAt),
        recordedBy: userId,
        visitorIds: JSON.stringify(visitors),
        residents: body.residents ?? null,
        rented: body.rented ?? null,
        moveInDate: body.moveInDate ?? null,
        phoneEnc: body.phone ? this.cipher.encrypt(normalisePhone(body.phone)) : null,
        flags: JSON.stringify(body.flags ?? []),
        notes: body.notes?.trim() || null,
        clientKey: key,
        requestHash,
        createdAt: new Date(),
      };
      await em.insert(Visit, visit);
      await countVisit(em, visit, household.buildingId);
      for (const demand of body.demands ?? []) {
        await this.demands.insert(em, {
          communityId: household.communityId,
          compoundId: household.compoundId,
          householdId,
          visitId: visit.id,
          raisedBy: userId,
          category: demand.category,
          text: demand.text,
          photoIds: demand.photoIds ?? [],
        });
      }
      return (await this.visitViews(em, [visit], true))[0];
    });
  }

  private async members(em: EntityManager, group: ContactGroup) {
    const members = await em.find(ContactGroupMember, { where: { groupId: group.id } });
    const names = await memberNames(
      em,
      group.communityId,
      members.map((m) => m.userId),
    );
    return members.map((m) => ({ userId: m.userId, name: names.get(m.userId) ?? '' }));
  }

  private async assignedGroup(
    em: EntityManager,
    householdId: string,
    userId: string,
    lock: Db['forUpdate'] = {},
  ) {
    const assignment = await em.findOne(HouseholdAssignment, { where: { householdId }, ...lock });
    const group = assignment ? await em.findOne(ContactGroup, { where: { id: assignment.groupId } }) : null;
    const inGroup = group
      ? (await em.count(ContactGroupMember, { where: { groupId: group.id, userId } })) > 0
      : false;
    return { group, inGroup };
  }

  private async visitViews(em: EntityManager, visits: Visit[], fullPhone: boolean): Promise<VisitView[]> {
    if (visits.length === 0) return [];
    const visitorIds = visits.flatMap((v) => JSON.parse(v.visitorIds) as string[]);
    const names = await memberNames(em, visits[0].communityId, visitorIds);
    const demands = await em.find(Demand, {
      where: { visitId: In(visits.map((v) => v.id)) },
      select: { id: true, visitId: true },
    });
    return visits.map((v) => {
      const phone = v.phoneEnc ? this.cipher.decrypt(v.phoneEnc) : null;
      return {
        id: v.id,
        householdId: v.householdId,
        visitedAt: toIsoLocal(v.visitedAt),
        visitors: (JSON.parse(v.visitorIds) as string[]).map((id) => names.get(id) ?? ''),
        residents: v.residents,
        rented: v.rented === null ? null : Boolean(v.rented),
        moveInDate: v.moveInDate,
        phone: phone ? (fullPhone ? phone : maskPhone(phone)) : null,
        flags: JSON.parse(v.flags) as HouseholdFlag[],
        notes: v.notes,
        recordedBy: v.recordedBy,
        demandIds: demands.filter((d) => d.visitId === v.id).map((d) => d.id),
      };
    });
  }
}
