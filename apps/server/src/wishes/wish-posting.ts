import { AuditAction, ErrorCode, MembershipStatus, WishView } from '@redvest/contract';
import {
  decideWishPost,
  DEFAULT_WISH_POINTS,
  isWishRefusal,
  normalisePhone,
  planWishPost,
  wishReviewRequest,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError, refusedWith } from '../common/domain-error';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { findMembership } from '../communities/membership-lookup';
import { Membership } from '../communities/membership.entity';
import { ContentCheckService } from '../content/content-check.service';
import { Db } from '../database/db';
import { FamilyReads } from '../family/family-reads';
import { newId } from '../database/ids';
import { memberNames } from '../communities/member-names';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { PostWishDto } from './dto';
import { WishPoints } from './wish-points.entity';
import { linkWishPhotos, recordWishEvent, reviewerNotices } from './wish-records';
import { attachWishVoice } from './wish-voices';
import { WishViews } from './wish-views';
import { NOT_YET_TAKEN, Wish } from './wish.entity';

/** 发布心愿: a resident's own wish waits for review; one a reviewer posts for a resident is published at once. */
@Injectable()
export class WishPosting {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly notifications: NotificationsService,
    private readonly content: ContentCheckService,
    private readonly uploads: UploadsService,
    private readonly audit: AuditTrail,
    private readonly views: WishViews,
    private readonly family: FamilyReads,
  ) {}

  /**
   * 发布心愿, or 代发 (`onBehalfOf`) by a secretary or a branch secretary, or by a linked family member (家人代办:
   * reviewed like the resident's own; the address and phone default to the resident's). `fromDemand` is a demand the branch
   * turns into a wish (its rights were checked by the caller): the wish belongs to the demand's compound and
   * is linked to the demand in the same transaction, once only.
   */
  async post(
    access: CommunityAccess,
    caller: User,
    body: PostWishDto,
    fromDemand?: { compoundId: string | null; link: (em: EntityManager, wishId: string) => Promise<void> },
  ): Promise<WishView> {
    const photos = body.photos ?? [];
    const familyOf = await this.db.read((em) => this.family.residentsOf(em, access.communityId, caller.id));
    const poster = {
      userId: caller.id,
      granted: access.granted,
      branchCompoundIds: access.branchCompoundIds,
      familyOf,
    };
    const request = { onBehalfOf: body.onBehalfOf, photoCount: photos.length, fromDemand };
    const plan = planWishPost(poster, request);
    if (isWishRefusal(plan)) throw refusedWith(plan);
    await this.content.check(
      { title: body.title, description: body.description, place: body.place },
      caller.openid,
    );
    const { view, notices } = await this.db.transaction(async (em) => {
      // The link may have ended since it was read: it holds, under its lock, until this wish is written.
      if (plan.family) {
        const linked = await this.family.residentsOf(em, access.communityId, caller.id, true);
        if (!linked.has(plan.authorId)) throw new DomainError(ErrorCode.FamilyNotLinked);
      }
      const author = await findMembership(em, access.communityId, plan.authorId);
      const decision = decideWishPost(
        poster,
        request,
        plan,
        author && {
          active: author.membership.status === MembershipStatus.Active,
          compoundId: author.membership.compoundId,
        },
      );
      if (isWishRefusal(decision)) throw refusedWith(decision);
      const { authorId, compoundId } = decision;
      const { membership } = author!; // a decision is made only for an author who is a member
      await this.uploads.checkOwned(em, photos, caller.id);
      const now = new Date();
      const wish: Wish = {
        id: newId(),
        communityId: access.communityId,
        authorId,
        postedBy: decision.postedBy,
        postedAsFamily: plan.family,
        title: body.title.trim(),
        description: body.description.trim(),
        category: body.category,
        compoundId,
        placeEnc: this.encrypt(body.place?.trim() || (await this.homeOf(em, membership))),
        phoneEnc: this.encrypt(
          body.contactPhone
            ? normalisePhone(body.contactPhone)
            : membership.phoneEnc
              ? this.cipher.decrypt(membership.phoneEnc)
              : null,
        ),
        desiredDate: body.desiredDate ?? null,
        status: decision.status,
        points: await this.pointsFor(em, access.communityId, body.category),
        ...NOT_YET_TAKEN,
        createdAt: now,
        updatedAt: now,
      };
      await em.insert(Wish, wish);
      await fromDemand?.link(em, wish.id);
      await linkWishPhotos(em, wish.id, photos, 'wish');
      if (body.voiceId)
        await attachWishVoice(em, wish.id, body.voiceId, {
          userId: caller.id,
          family: plan.family,
          authorId,
        });
      for (const event of decision.events)
        await recordWishEvent(em, wish.id, event.action, caller.id, event.note, plan.family);
      const notices = decision.asksReview ? await this.reviewRequests(em, wish) : [];
      if (decision.audited) {
        await this.audit.record(em, {
          targetType: 'wish',
          targetId: wish.id,
          subjectId: authorId,
          ...(plan.family
            ? {
                action: AuditAction.FamilyWishPost,
                actingAs: 'family' as const,
                summary: `家人代居民发布心愿（${wish.category}），等待审核`,
              }
            : { summary: `代居民发布心愿（${wish.category}，${wish.points} 积分），直接发布` }),
        });
      }
      await this.notifications.record(em, notices);
      const reader = { access, userId: caller.id, familyOf };
      return { view: (await this.views.build(em, [wish], reader))[0], notices };
    });
    await this.notifications.push(notices);
    return view;
  }

  /** The reviewers are asked to review the wish; the first answer settles the request for all. */
  private async reviewRequests(em: EntityManager, wish: Wish): Promise<Notice[]> {
    const names = await memberNames(em, wish.communityId, [wish.authorId]);
    const request = wishReviewRequest(wish.title, names.get(wish.authorId) ?? '');
    const notices = await reviewerNotices(em, wish, request);
    return notices.map((n) => ({ ...n, topic: 'wish_review' as const }));
  }

  private async pointsFor(em: EntityManager, communityId: string, category: string): Promise<number> {
    const row = await em.findOne(WishPoints, { where: { communityId, category } });
    return row?.points ?? DEFAULT_WISH_POINTS;
  }

  /** The author's registered address: compound, building, unit and room when known. */
  private async homeOf(em: EntityManager, membership: Membership): Promise<string | null> {
    const household = membership.householdId
      ? await em.findOne(Household, { where: { id: membership.householdId } })
      : null;
    const building = household ? await em.findOne(Building, { where: { id: household.buildingId } }) : null;
    const compound = membership.compoundId
      ? await em.findOne(Compound, { where: { id: membership.compoundId } })
      : null;
    const parts = [compound?.name, building?.name, household?.unit, household?.room].filter(Boolean);
    return parts.length ? parts.join(' ') : null;
  }

  private encrypt(value: string | null): string | null {
    return value ? this.cipher.encrypt(value) : null;
  }
}
