import { MY_DATA_EXPORT_FORMAT, MyDataExport, toIsoLocal } from '@redvest/contract';
import { householdLabel, sortRoles } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { Enrolment } from '../activities/enrolment.entity';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Community } from '../communities/community.entity';
import { Departure } from '../communities/departure.entity';
import { Employer } from '../communities/employer.entity';
import { Invitation } from '../communities/invitation.entity';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { ContactGroup, ContactGroupMember, Demand, DemandPhoto, Visit } from '../contact/entities';
import { MemberRating, Resource, ServiceProject } from '../contact/lists.entities';
import { Db } from '../database/db';
import { LedgerReadsService } from '../ledger/ledger-reads.service';
import { Notification } from '../notifications/notification.entity';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { Certificate } from '../records/certificate.entity';
import { RecordCorrection } from '../records/correction.entity';
import { Redemption } from '../rewards/redemption.entity';
import { Upload } from '../uploads/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { WishEvent } from '../wishes/wish-event.entity';
import { WishPhotoLink } from '../wishes/wish-photo.entity';
import { wishVoicesOf } from '../wishes/wish-voices';
import { Wish } from '../wishes/wish.entity';
import { myFamilyLinks } from './my-family-links';

const iso = (date: Date) => toIsoLocal(date);
const isoOrNull = (date: Date | null) => (date ? toIsoLocal(date) : null);
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => !!id))];

/**
 * 导出我的数据 (PIPL art. 45): everything held about one person, decrypted for them, read in one snapshot
 * so the parts agree with one another. Other people appear only by what this person wrote.
 */
@Injectable()
export class MyDataExportService {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly uploads: UploadsService,
    private readonly ledgerReads: LedgerReadsService,
  ) {}

  async export(userId: string): Promise<MyDataExport> {
    return this.db.snapshot(async (em) => {
      const user = await em.findOneOrFail(User, { where: { id: userId } });
      const reveal = (value: string | null) => (value ? this.cipher.decrypt(value) : null);
      const memberships = await em.find(Membership, { where: { userId }, order: { joinedAt: 'ASC' } });
      const departures = await em.find(Departure, { where: { userId }, order: { endedAt: 'ASC' } });
      const invitations = await em.find(Invitation, { where: { userId }, order: { createdAt: 'ASC' } });
      const attendances = await em.find(Attendance, { where: { userId }, order: { checkedInAt: 'ASC' } });
      const enrolments = await em.find(Enrolment, { where: { userId }, order: { createdAt: 'ASC' } });
      const corrections = await em.find(RecordCorrection, { where: { userId }, order: { createdAt: 'ASC' } });
      const posted = await em.find(Wish, { where: { authorId: userId }, order: { createdAt: 'ASC' } });
      const claimed = await em.find(Wish, { where: { claimerId: userId }, order: { createdAt: 'ASC' } });
      const photoLinks = await this.photoLinks(
        em,
        [...posted, ...claimed].map((w) => w.id),
      );
      const voices = await wishVoicesOf(
        em,
        posted.map((w) => w.id),
      );
      const demands = await em.find(Demand, { where: { raisedBy: userId }, order: { createdAt: 'ASC' } });
      const demandPhotos = demands.length
        ? await em.find(DemandPhoto, {
            where: { demandId: In(demands.map((d) => d.id)) },
            order: { position: 'ASC' },
          })
        : [];
      const visits = await em.find(Visit, { where: { recordedBy: userId }, order: { visitedAt: 'ASC' } });
      const households = await this.households(em, [
        ...memberships.map((m) => m.householdId),
        ...visits.map((v) => v.householdId),
      ]);
      const groupRows = await em.find(ContactGroupMember, { where: { userId } });
      const groups = groupRows.length
        ? await em.find(ContactGroup, { where: { id: In(groupRows.map((g) => g.groupId)) } })
        : [];
      const activityIds = unique([
        ...attendances.map((a) => a.activityId),
        ...enrolments.map((e) => e.activityId),
      ]);
      const activities = byId(
        activityIds.length ? await em.find(Activity, { where: { id: In(activityIds) } }) : [],
      );
      const attendanceById = byId(attendances);
      const roles = memberships.length
        ? await em.find(MembershipRole, { where: { membershipId: In(memberships.map((m) => m.id)) } })
        : [];
      const communities = byId(
        await em.find(Community, {
          where: {
            id: In(unique([...memberships, ...departures, ...invitations].map((row) => row.communityId))),
          },
        }),
      );
      const compounds = byId(
        await em.find(Compound, { where: { id: In(unique(memberships.map((m) => m.compoundId))) } }),
      );
      const employers = byId(
        await em.find(Employer, { where: { id: In(unique(memberships.map((m) => m.employerId))) } }),
      );
      const communityName = (id: string) => communities.get(id)?.name ?? '';
      const photosOf = (wishId: string, kind: 'wish' | 'fulfilment') =>
        photoLinks
          .filter((p) => p.wishId === wishId && p.kind === kind)
          .map((p) => this.uploads.link(p.uploadId));
      const voiceOf = (wishId: string) => {
        const voice = voices.get(wishId);
        return voice ? { seconds: voice.seconds, url: this.uploads.link(voice.uploadId) } : null;
      };

      return {
        format: MY_DATA_EXPORT_FORMAT,
        exportedAt: iso(new Date()),
        account: {
          id: user.id,
          nickname: user.nickname,
          createdAt: iso(user.createdAt),
          privacy: { agreedVersion: user.privacyVersion, agreedAt: isoOrNull(user.privacyAgreedAt) },
        },
        memberships: memberships.map((m) => ({
          communityId: m.communityId,
          communityName: communityName(m.communityId),
          status: m.status,
          roles: sortRoles(roles.filter((r) => r.membershipId === m.id).map((r) => r.role)),
          realName: m.realName,
          phone: reveal(m.phoneEnc),
          compound: (m.compoundId && compounds.get(m.compoundId)?.name) || null,
          household: (m.householdId && households.get(m.householdId)) || null,
          employer: (m.employerId && employers.get(m.employerId)?.name) || null,
          joinedAt: iso(m.joinedAt),
          verifiedAt: isoOrNull(m.verifiedAt),
        })),
        formerMemberships: departures.map((d) => ({
          communityId: d.communityId,
          communityName: communityName(d.communityId),
          kind: d.kind,
          realName: d.realName,
          reason: d.reason,
          endedAt: iso(d.endedAt),
        })),
        invitations: invitations.map((i) => ({
          communityId: i.communityId,
          communityName: communityName(i.communityId),
          roles: sortRoles(i.roles),
          status: i.status,
          createdAt: iso(i.createdAt),
          answeredAt: isoOrNull(i.answeredAt),
        })),
        points: await this.ledgerReads.myDataExport(em, userId),
        attendances: attendances.map((a) => ({
          id: a.id,
          communityId: a.communityId,
          activityTitle: activities.get(a.activityId)?.title ?? '',
          checkedInAt: iso(a.checkedInAt),
          checkedOutAt: isoOrNull(a.checkedOutAt),
          minutes: a.minutes,
          status: a.status,
          offline: a.offline,
          byOrganiser: a.proxyBy !== null,
          points: a.points,
        })),
        enrolments: enrolments.map((e) => ({
          activityId: e.activityId,
          activityTitle: activities.get(e.activityId)?.title ?? '',
          createdAt: iso(e.createdAt),
        })),
        corrections: corrections.map((c) => ({
          id: c.id,
          activityTitle: activities.get(attendanceById.get(c.attendanceId)?.activityId ?? '')?.title ?? '',
          recordedMinutes: c.recordedMinutes,
          requestedMinutes: c.requestedMinutes,
          reason: c.reason,
          status: c.status,
          decisionReason: c.decisionReason,
          createdAt: iso(c.createdAt),
        })),
        certificates: (await em.find(Certificate, { where: { userId }, order: { issuedAt: 'ASC' } })).map(
          (c) => ({
            code: c.code,
            communityId: c.communityId,
            holderName: c.holderName,
            from: c.periodFrom,
            to: c.periodTo,
            activityCount: c.activityCount,
            totalMinutes: c.totalMinutes,
            issuedAt: iso(c.issuedAt),
          }),
        ),
        wishesPosted: posted.map((w) => ({
          id: w.id,
          communityId: w.communityId,
          title: w.title,
          description: w.description,
          category: w.category,
          status: w.status,
          place: reveal(w.placeEnc),
          contactPhone: reveal(w.phoneEnc),
          desiredDate: w.desiredDate,
          rating: w.rating,
          thanks: w.thanks,
          postedForMe: w.postedBy !== null,
          photos: photosOf(w.id, 'wish'),
          voiceNote: voiceOf(w.id),
          createdAt: iso(w.createdAt),
        })),
        wishesClaimed: claimed.map((w) => ({
          id: w.id,
          communityId: w.communityId,
          title: w.title,
          status: w.status,
          claimedAt: isoOrNull(w.claimedAt),
          fulfilNote: w.fulfilNote,
          fulfilledAt: isoOrNull(w.fulfilledAt),
          photos: photosOf(w.id, 'fulfilment'),
        })),
        wishNotes: (await em.find(WishEvent, { where: { actorId: userId }, order: { id: 'ASC' } }))
          .filter((e) => e.note)
          .map((e) => ({ wishId: e.wishId, action: e.action, note: e.note!, at: iso(e.createdAt) })),
        demands: demands.map((d) => ({
          id: d.id,
          communityId: d.communityId,
          category: d.category,
          text: d.text,
          status: d.status,
          photos: demandPhotos.filter((p) => p.demandId === d.id).map((p) => this.uploads.link(p.uploadId)),
          createdAt: iso(d.createdAt),
        })),
        demandsResolved: (
          await em.find(Demand, { where: { resolvedBy: userId }, order: { updatedAt: 'ASC' } })
        ).map((d) => ({
          id: d.id,
          communityId: d.communityId,
          category: d.category,
          resolution: d.resolution,
        })),
        visitsRecorded: visits.map((v) => ({
          id: v.id,
          communityId: v.communityId,
          household: households.get(v.householdId) ?? '',
          visitedAt: iso(v.visitedAt),
          notes: v.notes,
        })),
        contactGroups: groups.map((g) => ({
          groupId: g.id,
          communityId: g.communityId,
          name: g.name,
          leader: g.leaderId === userId,
          status: g.status,
        })),
        resources: (
          await em.find(Resource, { where: { offeredBy: userId }, order: { createdAt: 'ASC' } })
        ).map((r) => ({
          id: r.id,
          communityId: r.communityId,
          kind: r.kind,
          title: r.title,
          description: r.description,
          active: r.active,
        })),
        serviceProjectsTaken: (
          await em.find(ServiceProject, { where: { takerId: userId }, order: { createdAt: 'ASC' } })
        ).map((p) => ({
          id: p.id,
          communityId: p.communityId,
          title: p.title,
          status: p.status,
          createdAt: iso(p.createdAt),
        })),
        ratingsOfMe: (await em.find(MemberRating, { where: { userId }, order: { year: 'ASC' } })).map(
          (r) => ({
            communityId: r.communityId,
            year: r.year,
            level: r.level,
            grade: r.grade,
            comment: r.comment,
          }),
        ),
        redemptions: (await em.find(Redemption, { where: { userId }, order: { createdAt: 'ASC' } })).map(
          (r) => ({
            id: r.id,
            communityId: r.communityId,
            rewardName: r.rewardName,
            quantity: r.quantity,
            total: r.total,
            status: r.status,
            cancelReason: r.cancelReason,
            createdAt: iso(r.createdAt),
          }),
        ),
        uploads: (await em.find(Upload, { where: { ownerId: userId }, order: { createdAt: 'ASC' } })).map(
          (u) => ({
            id: u.id,
            contentType: u.contentType,
            size: u.size,
            seconds: u.seconds,
            createdAt: iso(u.createdAt),
            url: this.uploads.link(u.id),
          }),
        ),
        familyLinks: await myFamilyLinks(em, userId),
        notifications: (await em.find(Notification, { where: { userId }, order: { id: 'ASC' } })).map(
          (n) => ({
            title: n.title,
            body: n.body,
            read: n.readAt !== null,
            createdAt: iso(n.createdAt),
          }),
        ),
      };
    });
  }

  private async photoLinks(em: EntityManager, wishIds: string[]): Promise<WishPhotoLink[]> {
    if (wishIds.length === 0) return [];
    return em.find(WishPhotoLink, { where: { wishId: In(unique(wishIds)) }, order: { position: 'ASC' } });
  }

  /** Household labels (楼栋 单元 房号) by id. */
  private async households(em: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = unique(ids);
    if (wanted.length === 0) return new Map();
    const rows = await em.find(Household, { where: { id: In(wanted) } });
    const buildings = byId(
      await em.find(Building, { where: { id: In(unique(rows.map((h) => h.buildingId))) } }),
    );
    return new Map(
      rows.map((h) => [h.id, householdLabel(buildings.get(h.buildingId)?.name ?? '', h.unit, h.room)]),
    );
  }
}
