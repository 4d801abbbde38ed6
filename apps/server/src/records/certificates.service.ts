import { APP_PAGES, CertificateView, ErrorCode, Role, toIsoLocal, Unit } from '@redvest/contract';
import { certificatePeriod, certifiedRecords, isRefusal, maskName } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Between, EntityManager, In } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError, refusedWith } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { memberNames } from '../communities/member-names';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { LedgerReadsService } from '../ledger/ledger-reads.service';
import { newId } from '../database/ids';
import { Certificate } from './certificate.entity';
import { CertificateEntry, renderCertificate } from './certificate-pdf';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * 志愿服务证明: a certificate of a volunteer's service in a period, issued in the community's name, that
 * anyone can check by its code; its PDF for the holder or a secretary of the community.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly ledgerReads: LedgerReadsService,
  ) {}

  /** Issues a certificate of the closed attendances in a period (dates in the product's clock zone). */
  async issueCertificate(
    userId: string,
    communityId: string,
    from: string,
    to: string,
  ): Promise<CertificateView> {
    const period = certificatePeriod(from, to);
    if (isRefusal(period)) throw refusedWith(period);
    const { start, end } = period;
    return this.db.transaction(async (em) => {
      const membership = await findMembership(em, communityId, userId);
      if (!membership) throw new DomainError(ErrorCode.NotCommunityMember);
      const attendances = await em.find(Attendance, {
        where: { userId, communityId, status: In(['closed', 'unclosed']), checkedInAt: Between(start, end) },
        order: { checkedInAt: 'ASC' },
      });
      const awards = await this.ledgerReads.awardStatus(em, {
        refType: 'attendance',
        refIds: attendances.map((a) => a.id),
      });
      const served = certifiedRecords(
        attendances.map((a) => ({
          ...a,
          minutesAward: awards.get(a.id)?.[Unit.Minutes],
        })),
      );
      if (isRefusal(served)) throw refusedWith(served);
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
      // The H5 page that shows the check (the API's JSON is for programs).
      verifyUrl: `${origin}/#/${APP_PAGES.verifyCertificate}?code=${certificate.code}`,
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
}
