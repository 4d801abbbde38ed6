import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTOR_ROLE_LABELS,
  AuditEntryView,
  AuditLogQuery,
  ErrorCode,
  Page,
  toIsoLocal,
} from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { Db } from '../database/db';
import { memberNames } from '../communities/member-names';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';

/** How the log names someone who is not a member of the community (an invitee, the platform admin). */
export const NOT_A_MEMBER = '非本社区成员';

/** The entries one export holds at most: a worksheet's 1,048,576 rows, less the header and the two of the footer. */
export const MAX_EXPORT_ROWS = 1_048_576 - 3;
const EXPORT_BATCH = 1_000;

/** What an export holds: the entries the filters select up to `through` (the newest when it began), `rows` of them. */
export interface ExportSelection {
  rows: number;
  through: number;
}

const startOfDay = (day: string, field: string) => {
  const at = new Date(`${day}T00:00:00.000+08:00`);
  if (Number.isNaN(at.getTime()) || toIsoLocal(at).slice(0, 10) !== day)
    throw new DomainError(ErrorCode.ValidationFailed, [{ field, message: '没有这一天' }]);
  return at;
};

/** Reads a community's 审计日志, newest first, for the secretaries' page and its export. */
@Injectable()
export class AuditLogService {
  constructor(private readonly db: Db) {}

  async page(communityId: string, query: AuditLogQuery): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? 20;
    return this.db.read(async (em) => {
      const rows = await this.rows(em, communityId, query, this.cursor(query.cursor), limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: await this.views(em, communityId, page),
        nextCursor: rows.length > limit ? String(page[page.length - 1].sequence) : null,
      };
    });
  }

  async communityName(communityId: string): Promise<string> {
    return this.db.read(
      async (em) => (await em.findOneOrFail(Community, { where: { id: communityId } })).name,
    );
  }

  /**
   * How many entries the filters select, up to the newest one now: the chain only grows, so the export that
   * follows reads exactly these, however many entries are written meanwhile.
   */
  async exportSelection(communityId: string, query: AuditLogQuery): Promise<ExportSelection> {
    return this.db.read(async (em) => {
      const head = await em.findOne(AuditChainHead, { where: { communityId } });
      const through = head?.lastSequence ?? 0;
      const rows = await this.filtered(em, communityId, query)
        .andWhere('e.sequence <= :through', { through })
        .getCount();
      return { rows, through };
    });
  }

  /** The entries of `exportSelection`, newest first, a batch at a time, each read when the file needs it. */
  async *all(communityId: string, query: AuditLogQuery, through: number): AsyncGenerator<AuditEntryView[]> {
    let before = through + 1;
    for (;;) {
      const batch = await this.db.read(async (em) => {
        const rows = await this.rows(em, communityId, query, before, EXPORT_BATCH);
        return { rows, views: await this.views(em, communityId, rows) };
      });
      if (batch.rows.length) yield batch.views;
      if (batch.rows.length < EXPORT_BATCH) return;
      before = batch.rows[batch.rows.length - 1].sequence;
    }
  }

  private cursor(cursor: string | undefined): number | null {
    if (cursor === undefined) return null;
    if (!/^\d{1,15}$/.test(cursor))
      throw new DomainError(ErrorCode.ValidationFailed, [{ field: 'cursor', message: '分页位置无效' }]);
    return Number(cursor);
  }

  private rows(
    em: EntityManager,
    communityId: string,
    query: AuditLogQuery,
    before: number | null,
    take: number,
  ): Promise<AuditEntry[]> {
    const select = this.filtered(em, communityId, query).orderBy('e.sequence', 'DESC').take(take);
    if (before !== null) select.andWhere('e.sequence < :before', { before });
    return select.getMany();
  }

  private filtered(em: EntityManager, communityId: string, query: AuditLogQuery) {
    const select = em
      .createQueryBuilder(AuditEntry, 'e')
      .where('e.community_id = :communityId', { communityId });
    if (query.action) select.andWhere('e.action = :action', { action: query.action });
    if (query.actorId) select.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    const from = query.from ? startOfDay(query.from, 'from') : null;
    const to = query.to ? new Date(startOfDay(query.to, 'to').getTime() + 24 * 3600_000) : null;
    if (from && to && from >= to)
      throw new DomainError(ErrorCode.ValidationFailed, [{ field: 'to', message: '截止日期早于起始日期' }]);
    if (from) select.andWhere('e.occurred_at >= :from', { from });
    if (to) select.andWhere('e.occurred_at < :to', { to });
    return select;
  }

  /**
   * Actors are named as they were when they acted (stored with the entry); the members acted on as they are
   * now, so a deleted account's name is gone. Nobody's nickname shows before they joined the community.
   */
  private async views(em: EntityManager, communityId: string, rows: AuditEntry[]): Promise<AuditEntryView[]> {
    const unnamed = rows.filter((r) => r.actorName === null && r.hashVersion === 1).map((r) => r.actorId);
    const people = [...unnamed, ...rows.flatMap((r) => (r.subjectId ? [r.subjectId] : []))];
    const names = await memberNames(em, communityId, people, { outsider: NOT_A_MEMBER });
    const actorName = (r: AuditEntry) =>
      r.actorName ?? (r.hashVersion === 1 ? (names.get(r.actorId) ?? '') : NOT_A_MEMBER);
    return rows.map((r) => ({
      id: r.id,
      sequence: r.sequence,
      at: toIsoLocal(r.occurredAt),
      actorId: r.actorId,
      actorName: actorName(r),
      actorRole: r.actorRole,
      actorRoleLabel: AUDIT_ACTOR_ROLE_LABELS[r.actorRole] ?? r.actorRole,
      action: r.action,
      actionLabel: AUDIT_ACTION_LABELS[r.action] ?? r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      subjectId: r.subjectId,
      subjectName: r.subjectId ? (names.get(r.subjectId) ?? '') : null,
      summary: r.summary,
      ip: r.ip,
      userAgent: r.userAgent,
    }));
  }
}
