import { CorrectionView, ErrorCode, Page, toIsoLocal } from '@redvest/contract';
import {
  correctionOutcome,
  decideCorrectionDecision,
  decideCorrectionRequest,
  isRefusal,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError, refusedWith } from '../common/domain-error';
import { memberNames } from '../communities/member-names';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { LedgerService } from '../ledger/ledger.service';
import { RecordCorrection } from './correction.entity';

/**
 * 更正服务记录, as the Ministry of Civil Affairs' rules want it: a volunteer asks to correct a record, a
 * secretary accepts (the ledger gets a correcting adjustment) or refuses with a reason.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly audit: AuditTrail,
  ) {}

  async requestCorrection(
    attendanceId: string,
    userId: string,
    minutes: number,
    reason: string,
  ): Promise<CorrectionView> {
    return this.db.transaction(async (em) => {
      const attendance = await em.findOneOrFail(Attendance, {
        where: { id: attendanceId },
        ...this.db.forUpdate,
      });
      const pendingRequest = await em.findOne(RecordCorrection, {
        where: { attendanceId, status: 'pending' },
      });
      const decision = decideCorrectionRequest(attendance, userId, pendingRequest !== null);
      if (isRefusal(decision)) throw refusedWith(decision);
      const correction: RecordCorrection = {
        id: newId(),
        communityId: attendance.communityId,
        attendanceId,
        userId,
        recordedMinutes: decision.recordedMinutes,
        requestedMinutes: minutes,
        reason: reason.trim(),
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        createdAt: new Date(),
      };
      await em.insert(RecordCorrection, correction);
      return (await this.views(em, [correction]))[0];
    });
  }

  async list(
    communityId: string,
    status?: RecordCorrection['status'],
    cursor?: string,
    limit = 20,
  ): Promise<Page<CorrectionView>> {
    return this.db.read(async (em) => {
      const rows = await em.find(RecordCorrection, {
        where: { communityId, ...(status ? { status } : {}), ...(cursor ? { id: LessThan(cursor) } : {}) },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: await this.views(em, page),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  /** Accepts: the record takes the requested minutes, and the ledger the difference in minutes and points. */
  async accept(correctionId: string, actorId: string, reason: string): Promise<CorrectionView> {
    return this.db.transaction(async (em) => {
      const correction = await this.pending(em, correctionId);
      const attendance = await em.findOneOrFail(Attendance, {
        where: { id: correction.attendanceId },
        ...this.db.forUpdate,
      });
      const activity = await em.findOneOrFail(Activity, { where: { id: attendance.activityId } });
      const outcome = correctionOutcome(
        attendance,
        { kind: activity.pointsKind, points: activity.points },
        correction.requestedMinutes,
      );
      for (const { unit, amount } of outcome.adjustments) {
        await this.ledger.adjust(em, {
          communityId: correction.communityId,
          userId: correction.userId,
          unit,
          amount,
          reason: `更正服务记录：${activity.title}`,
          idempotencyKey: `correction:${correction.id}:${unit}`,
          createdBy: actorId,
        });
      }
      await em.update(
        Attendance,
        { id: attendance.id },
        { minutes: outcome.minutes, points: outcome.points },
      );
      return this.decide(em, correction, 'accepted', actorId, reason);
    });
  }

  async refuse(correctionId: string, actorId: string, reason: string): Promise<CorrectionView> {
    return this.db.transaction(async (em) =>
      this.decide(em, await this.pending(em, correctionId), 'refused', actorId, reason),
    );
  }

  private async pending(em: EntityManager, id: string): Promise<RecordCorrection> {
    const correction = await em.findOne(RecordCorrection, { where: { id }, ...this.db.forUpdate });
    if (!correction) throw new DomainError(ErrorCode.CorrectionNotFound);
    const open = decideCorrectionDecision(correction);
    if (isRefusal(open)) throw refusedWith(open);
    return correction;
  }

  private async decide(
    em: EntityManager,
    correction: RecordCorrection,
    status: 'accepted' | 'refused',
    actorId: string,
    reason: string,
  ) {
    const decided = {
      ...correction,
      status,
      decidedBy: actorId,
      decidedAt: new Date(),
      decisionReason: reason.trim(),
    };
    await em.update(
      RecordCorrection,
      { id: correction.id, status: 'pending' },
      { status, decidedBy: actorId, decidedAt: decided.decidedAt, decisionReason: decided.decisionReason },
    );
    await this.audit.record(em, {
      targetType: 'correction',
      targetId: correction.id,
      subjectId: correction.userId,
      summary:
        status === 'accepted'
          ? `同意更正：服务时长 ${correction.recordedMinutes} 分钟 → ${correction.requestedMinutes} 分钟（依据：${clip(reason)}）`
          : `不同意更正（原因：${clip(reason)}）`,
    });
    return (await this.views(em, [decided]))[0];
  }

  private async views(em: EntityManager, rows: RecordCorrection[]): Promise<CorrectionView[]> {
    if (rows.length === 0) return [];
    const attendances = await em.find(Attendance, { where: { id: In(rows.map((r) => r.attendanceId)) } });
    const activities = await em.find(Activity, { where: { id: In(attendances.map((a) => a.activityId)) } });
    const titleOf = (attendanceId: string) => {
      const attendance = attendances.find((a) => a.id === attendanceId);
      return activities.find((a) => a.id === attendance?.activityId)?.title ?? '';
    };
    const names = await memberNames(
      em,
      rows[0].communityId,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => ({
      id: r.id,
      attendanceId: r.attendanceId,
      activityTitle: titleOf(r.attendanceId),
      userId: r.userId,
      userName: names.get(r.userId) ?? '',
      recordedMinutes: r.recordedMinutes,
      requestedMinutes: r.requestedMinutes,
      reason: r.reason,
      status: r.status,
      decisionReason: r.decisionReason,
      decidedAt: r.decidedAt ? toIsoLocal(r.decidedAt) : null,
      createdAt: toIsoLocal(r.createdAt),
    }));
  }
}
