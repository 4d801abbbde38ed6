import {
  DEMAND_STATUS_LABELS,
  DemandStatus,
  DemandView,
  ErrorCode,
  MembershipStatus,
  Page,
  Role,
  toIsoLocal,
  WishView,
} from '@redvest/contract';
import {
  canActInCompound,
  demandActions,
  DemandActor,
  demandTransition,
  householdLabel,
  nameAsShown,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThan } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { memberNames } from '../communities/member-names';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { WishPosting } from '../wishes/wish-posting';
import { DemandsQuery, DemandTransitionDto, RaiseDemandDto } from './dto';
import { Demand, DemandPhoto } from './entities';

/** 诉求: routed to the compound's branch, followed through to resolved (or rejected with a reason). */
const DEMAND_ACTION_WORDS: Record<DemandTransitionDto['action'], string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '指派给成员',
  start: '开始办理',
  resolve: '办结',
};

@Injectable()
export class DemandsService {
  constructor(
    private readonly db: Db,
    private readonly wishPosting: WishPosting,
    private readonly uploads: UploadsService,
    private readonly audit: AuditTrail,
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
      return (await this.views(em, [demand], access, userId))[0];
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

  /** The branch's queue (a branch secretary sees their compounds), or my raised / assigned demands. */
  async list(access: CommunityAccess, userId: string, query: DemandsQuery): Promise<Page<DemandView>> {
    const limit = query.limit ?? 20;
    const secretary = access.roles.has(Role.Secretary);
    const branch = access.roles.has(Role.BranchSecretary);
    if (!query.mine && !secretary && !branch) throw new DomainError(ErrorCode.Forbidden);
    return this.db.read(async (em) => {
      const where: FindOptionsWhere<Demand> = {
        communityId: access.communityId,
        ...(query.status ? { status: query.status as DemandStatus } : {}),
        ...(query.mine === 'raised'
          ? { raisedBy: userId }
          : query.mine === 'assigned'
            ? { assigneeId: userId }
            : {}),
        ...(!query.mine && !secretary
          ? { compoundId: In(access.branchCompoundIds.length ? access.branchCompoundIds : ['']) }
          : {}),
        ...(query.cursor ? { id: LessThan(query.cursor) } : {}),
      };
      const rows = await em.find(Demand, { where, order: { id: 'DESC' }, take: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: await this.views(em, page, access, userId),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  async transition(
    access: CommunityAccess,
    userId: string,
    demandId: string,
    body: DemandTransitionDto,
  ): Promise<DemandView> {
    return this.db.transaction(async (em) => {
      const demand = await em.findOneOrFail(Demand, { where: { id: demandId } });
      const verdict = demandTransition(body.action, demand.status, this.actors(demand, access, userId));
      if (!verdict.ok)
        throw new DomainError(
          verdict.why === 'not_allowed' ? ErrorCode.DemandActionNotAllowed : ErrorCode.DemandWrongState,
        );
      const changes: Partial<Demand> = { status: verdict.to, updatedAt: new Date() };
      if (body.action === 'reject') {
        if (!body.reason?.trim())
          throw new DomainError(ErrorCode.ValidationFailed, [
            { field: 'reason', message: '请填写不予受理的原因' },
          ]);
        changes.rejectReason = body.reason.trim();
      }
      if (body.action === 'resolve') {
        changes.resolution = body.note?.trim() || null;
        changes.resolvedBy = userId;
      }
      if (body.action === 'assign') {
        const assignee = body.assigneeId
          ? await findMembership(em, access.communityId, body.assigneeId)
          : null;
        if (!assignee || assignee.membership.status !== MembershipStatus.Active)
          throw new DomainError(ErrorCode.MemberNotFound);
        changes.assigneeId = body.assigneeId!;
      }
      const updated = await em.update(Demand, { id: demand.id, status: demand.status }, changes);
      if (updated.affected === 0) throw new DomainError(ErrorCode.DemandWrongState);
      // The branch routing the demand is audited; the assigned member starting or resolving it is their own work.
      if (demand.assigneeId !== userId) {
        await this.audit.record(em, {
          targetType: 'demand',
          targetId: demand.id,
          subjectId: body.action === 'assign' ? body.assigneeId : demand.raisedBy,
          summary: `${DEMAND_ACTION_WORDS[body.action]}${demand.status === (changes.status ?? demand.status) ? '' : `：${DEMAND_STATUS_LABELS[demand.status]} → ${DEMAND_STATUS_LABELS[changes.status!]}`}${body.action === 'reject' ? `（原因：${clip(body.reason!)}）` : ''}`,
        });
      }
      return (await this.views(em, [{ ...demand, ...changes }], access, userId))[0];
    });
  }

  /** Turns a demand into a micro-wish on the board, posted for the resident who raised it (or for the visitor). */
  async toWish(access: CommunityAccess, caller: User, demandId: string): Promise<WishView> {
    const demand = await this.db.read((em) => em.findOneOrFail(Demand, { where: { id: demandId } }));
    if (!this.actors(demand, access, caller.id).has('branch'))
      throw new DomainError(ErrorCode.DemandActionNotAllowed);
    if (demand.wishId || demand.status === 'resolved' || demand.status === 'rejected')
      throw new DomainError(ErrorCode.DemandWrongState);
    return this.wishPosting.post(
      access,
      caller,
      {
        title: demand.text.slice(0, 30),
        description: demand.text,
        category: '生活帮扶',
        onBehalfOf: demand.raisedBy,
      },
      {
        compoundId: demand.compoundId,
        // Two taps at once: the second finds the demand linked already, and its wish is rolled back.
        link: async (em, wishId) => {
          const linked = await em.update(
            Demand,
            { id: demand.id, wishId: IsNull(), status: In(['reported', 'accepted', 'in_progress']) },
            { wishId, status: 'in_progress', updatedAt: new Date() },
          );
          if (linked.affected === 0) throw new DomainError(ErrorCode.DemandWrongState);
          await this.audit.record(em, {
            targetType: 'demand',
            targetId: demand.id,
            subjectId: demand.raisedBy,
            summary: `转为微心愿（代提出人发布）：心愿 ${wishId}`,
          });
        },
      },
    );
  }

  private actors(demand: Demand, access: CommunityAccess, userId: string): Set<DemandActor> {
    const actors = new Set<DemandActor>();
    if (
      access.roles.has(Role.Secretary) ||
      (demand.compoundId && canActInCompound(access.granted, access.branchCompoundIds, demand.compoundId))
    ) {
      actors.add('branch');
    }
    if (demand.assigneeId === userId) actors.add('assignee');
    return actors;
  }

  private async views(
    em: EntityManager,
    demands: Demand[],
    access: CommunityAccess,
    userId: string,
  ): Promise<DemandView[]> {
    if (demands.length === 0) return [];
    const names = await memberNames(
      em,
      access.communityId,
      demands.flatMap((d) => [d.raisedBy, ...(d.assigneeId ? [d.assigneeId] : [])]),
    );
    const households = await em.find(Household, {
      where: {
        id: In(
          demands
            .map((d) => d.householdId)
            .filter((id): id is string => !!id)
            .concat(['']),
        ),
      },
    });
    const buildings = households.length
      ? await em.find(Building, { where: { id: In(households.map((h) => h.buildingId)) } })
      : [];
    const compounds = await em.find(Compound, { where: { communityId: access.communityId } });
    const photos = await em.find(DemandPhoto, {
      where: { demandId: In(demands.map((d) => d.id)) },
      order: { position: 'ASC' },
    });
    return demands.map((d) => {
      const h = households.find((x) => x.id === d.householdId);
      const actors = this.actors(d, access, userId);
      // The branch routes the demand: ids and names. The assignee needs to know whom they serve; the resident
      // who raised it recognises the assignee by a masked name. Nobody else reads demands.
      const branch = actors.has('branch');
      const name = (id: string, inFull: boolean) => nameAsShown(names.get(id) ?? '', inFull);
      return {
        id: d.id,
        communityId: d.communityId,
        compound: compounds.find((c) => c.id === d.compoundId)?.name ?? null,
        householdLabel: h
          ? householdLabel(buildings.find((b) => b.id === h.buildingId)?.name ?? '', h.unit, h.room)
          : null,
        category: d.category,
        text: d.text,
        status: d.status,
        statusLabel: DEMAND_STATUS_LABELS[d.status],
        raisedBy: branch ? d.raisedBy : null,
        raisedByName: name(d.raisedBy, branch || actors.has('assignee') || d.raisedBy === userId),
        assigneeId: branch ? d.assigneeId : null,
        assigneeName: d.assigneeId ? name(d.assigneeId, branch || actors.has('assignee')) : null,
        rejectReason: d.rejectReason,
        resolution: d.resolution,
        wishId: d.wishId,
        photos: photos
          .filter((p) => p.demandId === d.id)
          .map((p) => ({ id: p.uploadId, url: this.uploads.link(p.uploadId) })),
        createdAt: toIsoLocal(d.createdAt),
        actions: demandActions(d.status, actors),
      };
    });
  }
}
