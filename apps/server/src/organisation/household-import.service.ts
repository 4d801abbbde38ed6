import { ErrorCode, ImportResult, ImportRowError } from '@redvest/contract';
import { HouseholdRow, householdKey, parseHouseholdSheet } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Building } from './building.entity';
import { Compound } from './compound.entity';
import { Household } from './household.entity';
import { readTable, UnreadableSheetError } from './sheet-reader';

const CHUNK = 500;

/**
 * 导入住户 (DESIGN §7): compounds, buildings and households from one sheet, all or nothing.
 * Rows already imported are skipped, so the same sheet can be imported again after adding rows.
 */
@Injectable()
export class HouseholdImportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  async importSheet(communityId: string, content: Buffer): Promise<ImportResult> {
    let table: unknown[][];
    try {
      table = await readTable(content);
    } catch (error) {
      if (error instanceof UnreadableSheetError) throw new DomainError(ErrorCode.ImportFileUnreadable);
      throw error;
    }
    const parsed = parseHouseholdSheet(table);
    if (parsed.errors.length) throw this.invalid(parsed.errors);
    return this.db.transaction(async (em) => {
      const compounds = await this.ensureCompounds(em, communityId, parsed.rows);
      const buildings = await this.ensureBuildings(em, communityId, compounds, parsed.rows);
      const existing = await em.find(Household, {
        where: { communityId, buildingId: In([...new Set(buildings.values())]) },
      });
      const byKey = new Map(existing.map((h) => [`${h.buildingId}\u0000${h.unit}\u0000${h.room}`, h]));
      const errors: ImportRowError[] = [];
      const fresh: Household[] = [];
      let skipped = 0;
      const now = new Date();
      for (const row of parsed.rows) {
        const buildingId = buildings.get(householdKey(row.compound, row.building, '', ''))!;
        const found = byKey.get(`${buildingId}\u0000${row.unit}\u0000${row.room}`);
        if (found && found.floor === row.floor) {
          skipped++;
        } else if (found) {
          errors.push({
            row: row.row,
            message: `${row.building}${row.unit}${row.room} 已存在，楼层为 ${found.floor}，与表中的 ${row.floor} 不一致`,
          });
        } else {
          fresh.push(
            em.create(Household, {
              id: newId(),
              communityId,
              compoundId: compounds.get(row.compound)!,
              buildingId,
              unit: row.unit,
              floor: row.floor,
              room: row.room,
              createdAt: now,
            }),
          );
        }
      }
      if (errors.length) throw this.invalid(errors);
      for (let i = 0; i < fresh.length; i += CHUNK) await em.insert(Household, fresh.slice(i, i + CHUNK));
      await this.audit.record(em, {
        targetType: 'community',
        targetId: communityId,
        summary: `导入住户：新增 ${fresh.length} 户，跳过已有的 ${skipped} 户`,
      });
      return { imported: fresh.length, skipped, errors: [] };
    });
  }

  private invalid(errors: ImportRowError[]): DomainError {
    return new DomainError(ErrorCode.ImportRowsInvalid, { imported: 0, skipped: 0, errors });
  }

  private async ensureCompounds(em: EntityManager, communityId: string, rows: HouseholdRow[]) {
    const names = [...new Set(rows.map((row) => row.compound))];
    const found = await em.find(Compound, { where: { communityId, name: In(names) } });
    const ids = new Map(found.map((c) => [c.name, c.id]));
    const missing = names.filter((name) => !ids.has(name));
    const now = new Date();
    const created = missing.map((name) => ({ id: newId(), communityId, name, createdAt: now }));
    if (created.length) await em.insert(Compound, created);
    created.forEach((c) => ids.set(c.name, c.id));
    return ids;
  }

  /** Keyed by (compound, building), the id of each building the sheet names. */
  private async ensureBuildings(
    em: EntityManager,
    communityId: string,
    compounds: Map<string, string>,
    rows: HouseholdRow[],
  ) {
    const ids = new Map<string, string>();
    const existing = await em.find(Building, { where: { communityId } });
    const byCompoundAndName = new Map(existing.map((b) => [`${b.compoundId}\u0000${b.name}`, b.id]));
    const created: Building[] = [];
    const now = new Date();
    for (const row of rows) {
      const key = householdKey(row.compound, row.building, '', '');
      if (ids.has(key)) continue;
      const compoundId = compounds.get(row.compound)!;
      let id = byCompoundAndName.get(`${compoundId}\u0000${row.building}`);
      if (!id) {
        id = newId();
        created.push(
          em.create(Building, { id, communityId, compoundId, name: row.building, createdAt: now }),
        );
      }
      ids.set(key, id);
    }
    for (let i = 0; i < created.length; i += CHUNK) await em.insert(Building, created.slice(i, i + CHUNK));
    return ids;
  }
}
