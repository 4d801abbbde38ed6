import {
  DemandListRow,
  ErrorCode,
  Page,
  ResourceView,
  SERVICE_MODE_LABELS,
  ServiceProjectView,
  toIsoLocal,
} from '@redvest/contract';
import {
  demandListRows,
  finishProjectRefusal,
  isRefusal,
  nameAsShown,
  newProjectTaker,
  organisesProjects,
  projectDemandText,
  resourceEmployer,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan } from 'typeorm';
import { CommunityAccess, standingOf } from '../auth/auth-context';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError, refusedWith } from '../common/domain-error';
import { Employer } from '../communities/employer.entity';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { memberNames } from '../communities/member-names';
import { Compound } from '../organisation/compound.entity';
import { CreateServiceProjectDto, OfferResourceDto } from './dto';
import { Demand } from './entities';
import { Resource, ServiceProject } from './lists.entities';

/** 三单: 资源单 (what is offered), 需求单 (what is asked), 项目单 (what is done, and by whom). */
@Injectable()
export class ThreeListsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  async offer(access: CommunityAccess, userId: string, body: OfferResourceDto): Promise<ResourceView> {
    const employerId = resourceEmployer(!!body.byEmployer, access.membership.employerId);
    if (isRefusal(employerId)) throw refusedWith(employerId);
    const resource: Resource = {
      id: newId(),
      communityId: access.communityId,
      offeredBy: userId,
      employerId,
      kind: body.kind,
      title: body.title.trim(),
      description: body.description?.trim() || null,
      active: true,
      createdAt: new Date(),
    };
    await this.db.transaction((em) => em.insert(Resource, resource));
    return (await this.db.read((em) => this.resourceViews(em, [resource], access, userId)))[0];
  }

  async resources(
    access: CommunityAccess,
    userId: string,
    cursor?: string,
    limit = 50,
  ): Promise<Page<ResourceView>> {
    return this.db.read(async (em) => {
      const rows = await em.find(Resource, {
        where: {
          communityId: access.communityId,
          active: true,
          ...(cursor ? { id: LessThan(cursor) } : {}),
        },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: await this.resourceViews(em, page, access, userId),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  async demandList(communityId: string): Promise<{ rows: DemandListRow[] }> {
    return this.db.read(async (em) => {
      const demands = await em.find(Demand, {
        where: { communityId },
        select: { category: true, compoundId: true, status: true },
      });
      const compounds = await em.find(Compound, { where: { communityId } });
      const compoundName = (id: string | null) => compounds.find((c) => c.id === id)?.name ?? null;
      return {
        rows: demandListRows(
          demands.map((d) => ({
            category: d.category,
            compound: compoundName(d.compoundId),
            status: d.status,
          })),
        ),
      };
    });
  }

  async createProject(
    access: CommunityAccess,
    userId: string,
    body: CreateServiceProjectDto,
  ): Promise<ServiceProjectView> {
    const communityId = access.communityId;
    return this.db.transaction(async (em) => {
      if (body.demandId && !(await em.findOne(Demand, { where: { id: body.demandId, communityId } })))
        throw new DomainError(ErrorCode.DemandNotFound);
      if (body.resourceId && !(await em.findOne(Resource, { where: { id: body.resourceId, communityId } })))
        throw new DomainError(ErrorCode.NotFound);
      const named =
        body.mode === 'community_dispatch' && body.takerId
          ? await findMembership(em, communityId, body.takerId)
          : null;
      const taking = newProjectTaker(
        body.mode,
        named && { userId: named.membership.userId, granted: named.granted },
      );
      if (isRefusal(taking)) throw refusedWith(taking);
      const project: ServiceProject = {
        id: newId(),
        communityId,
        title: body.title.trim(),
        description: body.description?.trim() || null,
        mode: body.mode,
        demandId: body.demandId ?? null,
        resourceId: body.resourceId ?? null,
        takerId: taking.takerId,
        status: taking.status,
        createdBy: userId,
        createdAt: new Date(),
      };
      await em.insert(ServiceProject, project);
      await this.audit.record(em, {
        targetType: 'service_project',
        targetId: project.id,
        subjectId: project.takerId,
        summary: `建立服务项目“${clip(project.title, 40)}”（${SERVICE_MODE_LABELS[project.mode]}${project.demandId ? '，回应一条诉求' : ''}）`,
      });
      return (await this.projectViews(em, [project], access, userId))[0];
    });
  }

  async projects(
    access: CommunityAccess,
    userId: string,
    cursor?: string,
    limit = 20,
  ): Promise<Page<ServiceProjectView>> {
    return this.db.read(async (em) => {
      const rows = await em.find(ServiceProject, {
        where: { communityId: access.communityId, ...(cursor ? { id: LessThan(cursor) } : {}) },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: await this.projectViews(em, page, access, userId),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  /** 党员接单: the first member to take an open project gets it (a conditional update). */
  async take(access: CommunityAccess, projectId: string, userId: string): Promise<ServiceProjectView> {
    return this.db.transaction(async (em) => {
      const taken = await em.update(
        ServiceProject,
        { id: projectId, status: 'open' },
        { status: 'taken', takerId: userId },
      );
      if (taken.affected === 0) throw new DomainError(ErrorCode.ProjectAlreadyTaken);
      const project = await em.findOneOrFail(ServiceProject, { where: { id: projectId } });
      return (await this.projectViews(em, [project], access, userId))[0];
    });
  }

  async finish(access: CommunityAccess, projectId: string, userId: string): Promise<ServiceProjectView> {
    return this.db.transaction(async (em) => {
      const project = await em.findOneOrFail(ServiceProject, { where: { id: projectId } });
      const refusal = finishProjectRefusal(project, userId, access.granted);
      if (refusal) throw refusedWith(refusal);
      const done = await em.update(ServiceProject, { id: projectId, status: 'taken' }, { status: 'done' });
      if (done.affected === 0) throw new DomainError(ErrorCode.ProjectNotInProgress);
      if (project.takerId !== userId) {
        await this.audit.record(em, {
          targetType: 'service_project',
          targetId: projectId,
          subjectId: project.takerId,
          summary: `代接单人标记完成：“${clip(project.title, 40)}”`,
        });
      }
      return (await this.projectViews(em, [{ ...project, status: 'done' }], access, userId))[0];
    });
  }

  /** Who offers a resource: in full for those who set up projects with it and for the member offering it. */
  private async resourceViews(
    em: EntityManager,
    rows: Resource[],
    access: CommunityAccess,
    userId: string,
  ): Promise<ResourceView[]> {
    if (rows.length === 0) return [];
    const names = await memberNames(
      em,
      rows[0].communityId,
      rows.map((r) => r.offeredBy),
    );
    const employers = await em.find(Employer, { where: { communityId: rows[0].communityId } });
    const organiser = organisesProjects(access.granted);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      offeredBy: nameAsShown(names.get(r.offeredBy) ?? '', organiser || r.offeredBy === userId),
      employer: employers.find((e) => e.id === r.employerId)?.name ?? null,
      createdAt: toIsoLocal(r.createdAt),
    }));
  }

  /** Projects as the caller may see them: a demand's words only for those close to it (projectDemandText). */
  private async projectViews(
    em: EntityManager,
    rows: ServiceProject[],
    access: CommunityAccess,
    userId: string,
  ): Promise<ServiceProjectView[]> {
    if (rows.length === 0) return [];
    const names = await memberNames(
      em,
      rows[0].communityId,
      rows.map((r) => r.takerId).filter((id): id is string => !!id),
    );
    const demandIds = rows.map((r) => r.demandId).filter((id): id is string => !!id);
    const resourceIds = rows.map((r) => r.resourceId).filter((id): id is string => !!id);
    const demands = demandIds.length
      ? await em.find(Demand, {
          where: { id: In(demandIds) },
          select: { id: true, text: true, compoundId: true },
        })
      : [];
    const resources = resourceIds.length
      ? await em.find(Resource, { where: { id: In(resourceIds) }, select: { id: true, title: true } })
      : [];
    const demandText = (project: ServiceProject) => {
      const demand = demands.find((d) => d.id === project.demandId);
      return demand ? projectDemandText(demand, project, standingOf(access, userId)) : null;
    };
    const organiser = organisesProjects(access.granted);
    return rows.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      mode: p.mode,
      modeLabel: SERVICE_MODE_LABELS[p.mode],
      demandId: p.demandId,
      demandText: demandText(p),
      resourceId: p.resourceId,
      resourceTitle: resources.find((r) => r.id === p.resourceId)?.title ?? null,
      // Who took it: the ids for those who dispatch projects; names in full for them and the taker.
      takerId: organiser ? p.takerId : null,
      takerName: p.takerId
        ? nameAsShown(names.get(p.takerId) ?? '', organiser || p.takerId === userId)
        : null,
      takenByMe: !!p.takerId && p.takerId === userId,
      status: p.status,
      createdAt: toIsoLocal(p.createdAt),
    }));
  }
}
