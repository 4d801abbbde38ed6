import { AssignmentResult, ErrorCode, ReleaseResult } from '@redvest/contract';
import {
  AssignmentScope,
  assignmentScope,
  heldByOthers,
  isAssignmentConflict,
  isRefusal,
  planAssignment,
  Refusal,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError, refusedWith } from '../common/domain-error';
import { Db } from '../database/db';
import { isDuplicateKey } from '../database/db-errors';
import { newId } from '../database/ids';
import { Household } from '../organisation/household.entity';
import { ContactGroupViews } from './contact-group-views';
import { AssignHouseholdsDto, ReleaseHouseholdsDto } from './dto';
import {
  AssignmentEndReason,
  ContactGroup,
  HouseholdAssignment,
  HouseholdAssignmentHistory,
} from './entities';
import { countAssigned, countUnassigned } from './visit-counters';

const INSERT_CHUNK = 200;

/**
 * 包干到户: which households a group answers for. The rules (what a floor range covers, conflicts with other
 * groups) are in libs/domain (contact/assignments.ts); each ending goes into the history.
 */
@Injectable()
export class HouseholdAssignmentsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly views: ContactGroupViews,
  ) {}

  /**
   * Assigns a building's floors (optionally one unit) or listed households. Households another group has
   * are refused with the list, unless `reassign` takes them over; the key on the household makes two
   * overlapping assignments at once end with one winner.
   */
  async assign(groupId: string, body: AssignHouseholdsDto): Promise<AssignmentResult> {
    const scope = assignmentScope(body);
    return this.assignOnce(groupId, body, scope).catch(async (error) => {
      // Another assignment took some of these households in the meantime: report them as any conflict.
      if (!isDuplicateKey(error) || isRefusal(scope)) throw error;
      const conflicts = await this.db.read(async (em) => {
        const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId } });
        const households = await this.covered(em, group.communityId, scope);
        const taken = await em.find(HouseholdAssignment, {
          where: { householdId: In(households.map((h) => h.id)) },
        });
        return this.views.conflicts(em, heldByOthers(groupId, taken));
      });
      throw new DomainError(ErrorCode.AssignmentConflict, { conflicts });
    });
  }

  private async assignOnce(
    groupId: string,
    body: AssignHouseholdsDto,
    scope: AssignmentScope | Refusal,
  ): Promise<AssignmentResult> {
    return this.db.transaction(async (em) => {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      if (isRefusal(scope)) throw refusedWith(scope);
      const households = await this.covered(em, group.communityId, scope);
      const current = households.length
        ? await em.find(HouseholdAssignment, {
            where: { householdId: In(households.map((h) => h.id)) },
            ...this.db.forUpdate,
          })
        : [];
      const plan = planAssignment(
        groupId,
        households.map((h) => h.id),
        current,
        !!body.reassign,
      );
      if (isAssignmentConflict(plan)) {
        const conflicts = await this.views.conflicts(em, plan.details.conflicts);
        throw new DomainError(ErrorCode.AssignmentConflict, { conflicts });
      }
      if (isRefusal(plan)) throw refusedWith(plan);
      const now = new Date();
      const takenOver = new Set(plan.takeOver.map((a) => a.householdId));
      const reassigned = await this.end(
        em,
        current.filter((a) => takenOver.has(a.householdId)),
        now,
        'reassigned',
      );
      const buildingOf = new Map(households.map((h) => [h.id, h.buildingId]));
      const rows = plan.assign.map((householdId) => ({
        householdId,
        groupId,
        communityId: group.communityId,
        buildingId: buildingOf.get(householdId)!,
        assignedAt: now,
        lastVisitedAt: null,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await em.insert(HouseholdAssignment, rows.slice(i, i + INSERT_CHUNK));
      await countAssigned(em, groupId, plan.assign);
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: `给“${clip(group.name, 40)}”分配 ${plan.assign.length} 户${body.buildingId ? `（${body.floorFrom}–${body.floorTo} 层）` : ''}${reassigned ? `，其中 ${reassigned} 户从其他小组转来` : ''}`,
      });
      return { assigned: plan.assign.length, reassigned };
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
      const released = await this.end(em, held, new Date(), 'released');
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: `从“${clip(group.name, 40)}”收回 ${released} 户`,
      });
      return { released };
    });
  }

  /** The community's households an assignment covers. */
  private async covered(
    em: EntityManager,
    communityId: string,
    scope: AssignmentScope,
  ): Promise<Household[]> {
    if ('householdIds' in scope)
      return em.find(Household, { where: { id: In([...scope.householdIds]), communityId } });
    return em.find(Household, {
      where: {
        communityId,
        buildingId: scope.buildingId,
        floor: In([...scope.floors]),
        ...(scope.unit !== undefined ? { unit: scope.unit } : {}),
      },
    });
  }

  /** Ends assignments into the history; the number ended (a row someone else removed first is not counted). */
  async end(
    em: EntityManager,
    assignments: HouseholdAssignment[],
    endedAt: Date,
    reason: AssignmentEndReason,
  ): Promise<number> {
    const ended: string[] = [];
    for (const a of assignments) {
      // Written to the history only by whoever removed the row: one ending, one history row.
      const removed = await em.delete(HouseholdAssignment, {
        householdId: a.householdId,
        groupId: a.groupId,
      });
      if (!removed.affected) continue;
      ended.push(a.householdId);
      await em.insert(HouseholdAssignmentHistory, {
        id: newId(),
        householdId: a.householdId,
        groupId: a.groupId,
        assignedAt: a.assignedAt,
        endedAt,
        reason,
      });
    }
    await countUnassigned(em, ended);
    return ended.length;
  }
}
