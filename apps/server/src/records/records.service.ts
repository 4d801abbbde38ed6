import { CertificateView, CorrectionView, ErrorCode, Page, Role, toIsoLocal, Unit } from '@redvest/contract';
import { maskName, pointsFor } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Between, EntityManager, In, LessThan } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { LedgerService } from '../ledger/ledger.service';
import { memberNames } from '../communities/member-names';
import { Certificate } from './certificate.entity';
import { CertificateEntry, renderCertificate } from './certificate-pdf';
import { RecordCorrection } from './correction.entity';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MAX_PERIOD_DAYS = 5 * 366;

/**
 * Service records as the Ministry of Civil Affairs' rules want them: a volunteer may ask to correct a
 * record, a secretary accepts (the ledger gets a correcting transfer) or refuses with a reason; a
 * volunteer gets a certificate of their service, issued in the community's name, that anyone can check.
 */
@Injectable()
export class RecordsService {
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
      if (attendance.userId !== userId) throw new DomainError(ErrorCode.Forbidden);
      if (attendance.status === 'open') throw new DomainError(ErrorCode.AttendanceOpen);
      if (await em.findOne(RecordCorrection, { where: { attendanceId, status: 'pending' } }))
        throw new DomainError(ErrorCode.CorrectionPending);
      const correction: RecordCorrection = {
        id: newId(),
        communityId: attendance.communityId,
        attendanceId,
        userId,
        recordedMinutes: attendance.minutes ?? 0,
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

  async corrections(
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
      const points = pointsFor(
        { kind: activity.pointsKind, points: activity.points },
        correction.requestedMinutes,
      );
      const deltas: [Unit, number][] = [
        [Unit.Minutes, correction.requestedMinutes - (attendance.minutes ?? 0)],
        [Unit.Points, points - (attendance.points ?? 0)],
      ];
      for (const [unit, delta] of deltas) {
        if (delta === 0) continue;
        await this.ledger.adjust(em, {
          communityId: correction.communityId,
          userId: correction.userId,
          unit,
          amount: delta,
          reason: `更正服务记录：${activity.title}`,
          idempotencyKey: `correction:${correction.id}:${unit}`,
          createdBy: actorId,
        });
      }
      await em.update(Attendance, { id: attendance.id }, { minutes: correction.requestedMinutes, points });
      return this.decide(em, correction, 'accepted', actorId, reason);
    });
  }

  async refuse(correctionId: string, actorId: string, reason: string): Promise<CorrectionView> {
    return this.db.transaction(async (em) =>
      this.decide(em, await this.pending(em, correctionId), 'refused', actorId, reason),
    );
  }

  /** Issues a certificate of the closed attendances in a period (dates in the product's clock zone). */
  async issueCertificate(
    userId: string,
    communityId: string,
    from: string,
    to: string,
  ): Promise<CertificateView> {
    const start = new Date(`${from}T00:00:00+08:00`);
    const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 24 * 3600_000);
    if (
      !(end > start) ||
      Number.isNaN(start.getTime()) ||
      end.getTime() - start.getTime() > MAX_PERIOD_DAYS * 24 * 3600_000
    ) {
      throw new DomainError(ErrorCode.CertificatePeriodInvalid);
    }
    return this.db.transaction(async (em) => {
      const membership = await findMembership(em, communityId, userId);
      if (!membership) throw new DomainError(ErrorCode.NotCommunityMember);
      const attendances = await em.find(Attendance, {
        where: { userId, communityId, status: In(['closed', 'unclosed']), checkedInAt: Between(start, end) },
        order: { checkedInAt: 'ASC' },
      });
      const served = attendances.filter((a) => (a.minutes ?? 0) > 0);
      if (served.length === 0) throw new DomainError(ErrorCode.NoServiceInPeriod);
      const activities = await em.find(Activity, { where: { id: In(served.map((a) => a.activityId)) } });
      const byId = new Map(activities.map((a) => [a.id, a]));
      const entries: CertificateEntry[] = served.map((a) => ({
        date: toIsoLocal(a.checkedInAt).slice(0, 10),
        title: byId.get(a.activityId)!.title,
        place: byId.get(a.activityId)!.place,
        minutes: a.minutes ?? 0,
      }));
      const certificate: Certificate = {
        id: newId(),
        code: Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
        communityId,
        userId,
        holderName:
          membership.membership.realName ?? (await memberNames(em, communityId, [userId])).get(userId) ?? '',
        periodFrom: from,
        periodTo: to,
        activityCount: entries.length,
        totalMinutes: entries.reduce((sum, e) => sum + e.minutes, 0),
        entries: JSON.stringify(entries),
        issuedAt: new Date(),
      };
      await em.insert(Certificate, certificate);
      return this.certificateView(em, certificate);
    });
  }

  async verify(code: string): Promise<CertificateView> {
    return this.db.read(async (em) => this.certificateView(em, await this.certificate(em, code)));
  }

  /** The PDF, for its holder or a secretary of the community that issued it. */
  async pdf(code: string, callerId: string, origin: string): Promise<{ pdf: Buffer; filename: string }> {
    const { certificate, communityName } = await this.db.read(async (em) => {
      const certificate = await this.certificate(em, code);
      if (certificate.userId !== callerId) {
        const caller = await findMembership(em, certificate.communityId, callerId);
        if (!caller?.granted.includes(Role.Secretary)) throw new DomainError(ErrorCode.CertificateNotFound);
      }
      const community = await em.findOneOrFail(Community, { where: { id: certificate.communityId } });
      return { certificate, communityName: community.name };
    });
    const pdf = await renderCertificate({
      code: certificate.code,
      communityName,
      holderName: certificate.holderName,
      periodFrom: certificate.periodFrom,
      periodTo: certificate.periodTo,
      totalMinutes: certificate.totalMinutes,
      entries: JSON.parse(certificate.entries) as CertificateEntry[],
      issuedOn: toIsoLocal(certificate.issuedAt).slice(0, 10),
      verifyUrl: `${origin}/api/certificates/${certificate.code}`,
    });
    if (certificate.userId !== callerId) {
      this.audit.serve({
        communityId: certificate.communityId,
        actingAs: Role.Secretary,
        targetType: 'certificate',
        targetId: certificate.code,
        subjectId: certificate.userId,
        summary: `下载志愿服务证明 ${certificate.code}（${certificate.periodFrom} 至 ${certificate.periodTo}）`,
      });
    }
    return { pdf, filename: `志愿服务证明-${certificate.holderName}-${certificate.code}.pdf` };
  }

  private async certificate(em: EntityManager, code: string): Promise<Certificate> {
    const certificate = await em.findOne(Certificate, { where: { code: code.toUpperCase() } });
    if (!certificate) throw new DomainError(ErrorCode.CertificateNotFound);
    return certificate;
  }

  private async certificateView(em: EntityManager, c: Certificate): Promise<CertificateView> {
    const community = await em.findOneOrFail(Community, { where: { id: c.communityId } });
    return {
      code: c.code,
      communityName: community.name,
      holderName: maskName(c.holderName),
      from: c.periodFrom,
      to: c.periodTo,
      activityCount: c.activityCount,
      totalMinutes: c.totalMinutes,
      issuedAt: toIsoLocal(c.issuedAt),
      pdfUrl: `/api/certificates/${c.code}/pdf`,
    };
  }

  private async pending(em: EntityManager, id: string): Promise<RecordCorrection> {
    const correction = await em.findOne(RecordCorrection, { where: { id }, ...this.db.forUpdate });
    if (!correction) throw new DomainError(ErrorCode.CorrectionNotFound);
    if (correction.status !== 'pending') throw new DomainError(ErrorCode.CorrectionDecided);
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
