import { DEMAND_STATUS_LABELS, DemandView, ErrorCode, Page, Role, toIsoLocal } from '@redvest/contract';
import {
  demandActions,
  DemandActor,
  demandActorsFor,
  demandDisclosure,
  householdLabel,
  nameAsShown,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In, LessThan } from 'typeorm';
import { CommunityAccess, standingOf } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { memberNames } from '../communities/member-names';
import { Db } from '../database/db';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { UploadsService } from '../uploads/uploads.service';
import { DemandsQueryDto } from './dto';
import { Demand, DemandPhoto } from './entities';

/** Who the caller is to this demand (see the demand state machine's actors). */
export function demandActors(
  demand: Pick<Demand, 'compoundId' | 'assigneeId'>,
  access: CommunityAccess,
  userId: string,
): Set<DemandActor> {
  return demandActorsFor(demand, standingOf(access, userId));
}

/** Demands as the caller may see them: the branch's queue, or the ones I raised or was given. */
@Injectable()
export class DemandViews {
  constructor(
    private readonly db: Db,
    private readonly uploads: UploadsService,
  ) {}

  /** The branch's queue (a branch secretary sees their compounds), or my raised / assigned demands. */
  async list(access: CommunityAccess, userId: string, query: DemandsQueryDto): Promise<Page<DemandView>> {
    const limit = query.limit ?? 20;
    const secretary = access.roles.has(Role.Secretary);
    const branch = access.roles.has(Role.BranchSecretary);
    if (!query.mine && !secretary && !branch) throw new DomainError(ErrorCode.Forbidden);
    return this.db.read(async (em) => {
      const where: FindOptionsWhere<Demand> = {
        communityId: access.communityId,
        ...(query.status ? { status: query.status } : {}),
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
        items: await this.build(em, page, access, userId),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  async build(
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
      const actors = demandActors(d, access, userId);
      const shown = demandDisclosure(actors, d.raisedBy === userId);
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
        raisedBy: shown.ids ? d.raisedBy : null,
        raisedByName: name(d.raisedBy, shown.raiserInFull),
        assigneeId: shown.ids ? d.assigneeId : null,
        assigneeName: d.assigneeId ? name(d.assigneeId, shown.assigneeInFull) : null,
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
