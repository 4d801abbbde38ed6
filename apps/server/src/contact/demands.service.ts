import { DEMAND_STATUS_LABELS, DemandView, ErrorCode, MembershipStatus, WishView } from '@redvest/contract';
import {
  decideDemandAction,
  decideDemandToWish,
  DemandActionInput,
  DemandDecision,
  isRefusal,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError, refusedWith } from '../common/domain-error';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Household } from '../organisation/household.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { WishPosting } from '../wishes/wish-posting';
import { demandActors, DemandViews } from './demand-views';
import { DemandTransitionDto, RaiseDemandDto } from './dto';
import { Demand, DemandPhoto } from './entities';

/** How each action reads in the 审计日志. */
const DEMAND_ACTION_WORDS: Record<DemandTransitionDto['action'], string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '指派给成员',
  start: '开始办理',
  resolve: '办结',
};

/**
 * 诉求: raised by a resident or at a visit, routed to the compound's branch, followed through to resolved
 * (or rejected with a reason). The rules decide (decideDemandAction); this loads and writes.
 */
@Injectable()
export class DemandsService {
  constructor(
    private readonly db: Db,
    private readonly wishPosting: WishPosting,
    private readonly uploads: UploadsService,
    private readonly audit: AuditTrail,
    private readonly views: DemandViews,
  ) {}

  /** A resident's own demand, for their registered household (or none). */
  async raise(access: CommunityAccess, userId: string, body: RaiseDemandDto): Promise<DemandView> {
    if (body.householdId && body.householdId !== access.membership.householdId)
      throw new DomainError(ErrorCode.NotYourHousehold);
    return this.db.transaction(async (em) => {
      const household = body.householdId
        ? await em.findOne(Household, { where: { id: body.householdId } })
        : null;
      const demand = await this.insert(em, {
        communityId: access.communityId,
        compoundId: household?.compoundId ?? access.membership.compoundId,
        householdId: household?.id ?? null,
        visitId: null,
        raisedBy: userId,
        category: body.category,
        text: body.text,
        photoIds: body.photoIds ?? [],
      });
      return (await this.views.build(em, [demand], access, userId))[0];
    });
  }

  /** A new demand, reported to the branch, with the raiser's own photos; inside the caller's transaction. */
  async insert(
    em: EntityManager,
    fields: Pick<
      Demand,
      'communityId' | 'compoundId' | 'householdId' | 'visitId' | 'raisedBy' | 'category'
    > & {
      text: string;
      photoIds: string[];
    },
  ): Promise<Demand> {
    await this.uploads.checkOwned(em, fields.photoIds, fields.raisedBy);
    const now = new Date();
    const demand: Demand = {
      id: newId(),
      communityId: fields.communityId,
      compoundId: fields.compoundId,
      householdId: fields.householdId,
      visitId: fields.visitId,
      raisedBy: fields.raisedBy,
      category: fields.category,
      text: fields.text.trim(),
      status: 'reported',
      assigneeId: null,
      rejectReason: null,
      resolution: null,
      resolvedBy: null,
      wishId: null,
      createdAt: now,
      updatedAt: now,
    };
    await em.insert(Demand, demand);
    for (const [position, uploadId] of [...new Set(fields.photoIds)].entries())
      await em.insert(DemandPhoto, { demandId: demand.id, uploadId, position });
    return demand;
  }

  /**
   * One transition: the rules decide (decideDemandAction), this writes it as a conditional update on the
   * status the caller saw, so of two people acting at once only one wins.
   */
  async transition(
    access: CommunityAccess,
    userId: string,
    demandId: string,
    body: DemandTransitionDto,
  ): Promise<DemandView> {
    return this.db.transaction(async (em) => {
      const demand = await em.findOneOrFail(Demand, { where: { id: demandId } });
      const decision = decideDemandAction(
        demand,
        { userId, actors: demandActors(demand, access, userId) },
        await this.lookUp(em, access, body),
        new Date(),
      );
      if (isRefusal(decision)) throw refusedWith(decision);
      const updated = await em.update(
        Demand,
        { id: demand.id, ...decision.expect },
        { ...decision.changes, status: decision.to },
      );
      if (updated.affected === 0) throw new DomainError(ErrorCode.DemandWrongState);
      if (decision.audit) {
        await this.audit.record(em, {
          targetType: 'demand',
          targetId: demand.id,
          subjectId: decision.audit.subjectId,
          summary: this.auditWords(decision, body),
        });
      }
      const after = { ...demand, ...decision.changes, status: decision.to };
      return (await this.views.build(em, [after], access, userId))[0];
    });
  }

  /** Turns a demand into a micro-wish on the board, posted for the resident who raised it (or for the visitor). */
  async toWish(access: CommunityAccess, caller: User, demandId: string): Promise<WishView> {
    const demand = await this.db.read((em) => em.findOneOrFail(Demand, { where: { id: demandId } }));
    const decision = decideDemandToWish(demand, demandActors(demand, access, caller.id));
    if (isRefusal(decision)) throw refusedWith(decision);
    return this.wishPosting.post(access, caller, decision.wish, {
      compoundId: demand.compoundId,
      // Two taps at once: the second finds the demand linked already, and its wish is rolled back.
      link: async (em, wishId) => {
        const linked = await em.update(
          Demand,
          { id: demand.id, wishId: IsNull(), status: In([...decision.link.expect]) },
          { wishId, status: decision.link.to, updatedAt: new Date() },
        );
        if (linked.affected === 0) throw new DomainError(ErrorCode.DemandWrongState);
        await this.audit.record(em, {
          targetType: 'demand',
          targetId: demand.id,
          subjectId: demand.raisedBy,
          summary: `转为微心愿（代提出人发布）：心愿 ${wishId}`,
        });
      },
    });
  }

  /** assign: the member named, as the rules need to know them. */
  private async lookUp(
    em: EntityManager,
    access: CommunityAccess,
    body: DemandTransitionDto,
  ): Promise<DemandActionInput> {
    const request = { action: body.action, reason: body.reason, note: body.note };
    if (body.action !== 'assign') return request;
    const found = body.assigneeId ? await findMembership(em, access.communityId, body.assigneeId) : null;
    const assignee = found && {
      userId: found.membership.userId,
      active: found.membership.status === MembershipStatus.Active,
    };
    return { ...request, assignee };
  }

  private auditWords(decision: DemandDecision, body: DemandTransitionDto): string {
    const { action, expect, to } = decision;
    const moved =
      expect.status === to ? '' : `：${DEMAND_STATUS_LABELS[expect.status]} → ${DEMAND_STATUS_LABELS[to]}`;
    const reason = action === 'reject' ? `（原因：${clip(body.reason!)}）` : '';
    return `${DEMAND_ACTION_WORDS[action]}${moved}${reason}`;
  }
}
