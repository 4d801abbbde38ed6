import { BuildingView, CompoundRef, ErrorCode, HouseholdView, Page } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../common/domain-error';
import { pageOf } from '../common/paging';
import { Db } from '../database/db';
import { Building } from './building.entity';
import { Compound } from './compound.entity';
import { Household } from './household.entity';
import { UpdateBuildingDto, UpdateHouseholdDto } from './dto';

/** Compounds, buildings and households: the community's map (DESIGN §2). */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  async compounds(communityId: string): Promise<{ items: CompoundRef[] }> {
    const compounds = await this.db.read((em) =>
      em.find(Compound, { where: { communityId }, order: { name: 'ASC' } }),
    );
    return { items: compounds.map(({ id, name }) => ({ id, name })) };
  }

  async buildings(communityId: string): Promise<{ items: BuildingView[] }> {
    return this.db.read(async (em) => {
      const buildings = await em.find(Building, { where: { communityId } });
      const compounds = await em.find(Compound, { where: { communityId } });
      const floors = await em
        .createQueryBuilder(Household, 'h')
        .select('h.building_id', 'buildingId')
        .addSelect('h.floor', 'floor')
        .addSelect('COUNT(*)', 'count')
        .where('h.community_id = :communityId', { communityId })
        .groupBy('h.building_id')
        .addGroupBy('h.floor')
        .getRawMany<{ buildingId: string; floor: number | string; count: number | string }>();
      const compoundName = new Map(compounds.map((c) => [c.id, c.name]));
      const views = buildings.map((b) => {
        const own = floors.filter((f) => f.buildingId === b.id);
        return {
          id: b.id,
          compoundId: b.compoundId,
          compound: compoundName.get(b.compoundId) ?? '',
          name: b.name,
          householdCount: own.reduce((sum, f) => sum + Number(f.count), 0),
          floors: own.map((f) => Number(f.floor)).sort((a, b) => a - b),
        };
      });
      return { items: views.sort(byCompoundThenName) };
    });
  }

  async households(
    communityId: string,
    query: { buildingId?: string; cursor?: string; limit?: number },
  ): Promise<Page<HouseholdView>> {
    const limit = query.limit ?? 200;
    return this.db.read(async (em) => {
      const households = await em.find(Household, {
        where: {
          communityId,
          ...(query.buildingId ? { buildingId: query.buildingId } : {}),
          ...(query.cursor ? { id: MoreThan(query.cursor) } : {}),
        },
        order: { id: 'ASC' },
        take: limit + 1,
      });
      const page = pageOf(households, limit, (h) => h.id);
      return { items: await this.householdViews(em, page.items), nextCursor: page.nextCursor };
    });
  }

  async updateBuilding(id: string, body: UpdateBuildingDto): Promise<BuildingView> {
    const building = await this.db.transaction(async (em) => {
      const building = await em.findOneOrFail(Building, { where: { id } });
      const clash = await em.findOne(Building, {
        where: { compoundId: building.compoundId, name: body.name },
      });
      if (clash && clash.id !== id) {
        throw new DomainError(ErrorCode.ValidationFailed, [{ field: 'name', message: '该小区已有同名楼栋' }]);
      }
      await em.update(Building, { id }, { name: body.name });
      await this.audit.record(em, {
        targetType: 'building',
        targetId: id,
        summary: `楼栋名称“${building.name}”改为“${body.name}”`,
      });
      return building;
    });
    const { items } = await this.buildings(building.communityId);
    return items.find((b) => b.id === id)!;
  }

  async updateHousehold(id: string, body: UpdateHouseholdDto): Promise<HouseholdView> {
    return this.db.transaction(async (em) => {
      const household = await em.findOneOrFail(Household, { where: { id } });
      const next = {
        unit: body.unit?.trim() ?? household.unit,
        floor: body.floor ?? household.floor,
        room: body.room?.trim() ?? household.room,
      };
      const clash = await em.findOne(Household, {
        where: { buildingId: household.buildingId, unit: next.unit, room: next.room },
      });
      if (clash && clash.id !== id) throw new DomainError(ErrorCode.HouseholdConflict);
      await em.update(Household, { id }, next);
      const place = (h: typeof next) => `${h.unit ? `${h.unit}单元` : ''}${h.floor}层 ${h.room}`;
      await this.audit.record(em, {
        targetType: 'household',
        targetId: id,
        summary: `住户 ${place(household)} 改为 ${place(next)}`,
      });
      return (await this.householdViews(em, [{ ...household, ...next }]))[0];
    });
  }

  private async householdViews(em: EntityManager, households: Household[]): Promise<HouseholdView[]> {
    const buildingIds = [...new Set(households.map((h) => h.buildingId))];
    const buildings = buildingIds.length ? await em.find(Building, { where: { id: In(buildingIds) } }) : [];
    const name = new Map(buildings.map((b) => [b.id, b.name]));
    return households.map((h) => ({
      id: h.id,
      compoundId: h.compoundId,
      buildingId: h.buildingId,
      building: name.get(h.buildingId) ?? '',
      unit: h.unit,
      floor: h.floor,
      room: h.room,
    }));
  }
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
function byCompoundThenName(a: BuildingView, b: BuildingView): number {
  return collator.compare(a.compound, b.compound) || collator.compare(a.name, b.name);
}
