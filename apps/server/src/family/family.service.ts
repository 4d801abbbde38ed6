import {
  AuditAction,
  ErrorCode,
  FAMILY_CODE_ALPHABET,
  FAMILY_CODE_LENGTH,
  FamilyCodeView,
  FamilyJoinDetails,
  FamilyLinkResult,
  FamilyLinkView,
  FamilyOverview,
  MembershipStatus,
  Role,
  toIsoLocal,
} from '@redvest/contract';
import {
  decideFamilyLink,
  familyCodeExpiry,
  familyCodeFrom,
  familyLinkSide,
  isRefusal,
  maskName,
  normaliseFamilyCode,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError, refusedWith } from '../common/domain-error';
import { CommunitiesService, compoundRefs } from '../communities/communities.service';
import { Community } from '../communities/community.entity';
import { memberNames } from '../communities/member-names';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { isDuplicateKey } from '../database/db-errors';
import { newId } from '../database/ids';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { RATE_LIMITS } from '../rate-limits/rules';
import { User } from '../users/user.entity';
import { LinkFamilyDto } from './dto';
import { FamilyLink, FamilyLinkCode } from './family-link.entity';

/** The answers that mean the code was wrong: counted, so that codes cannot be guessed. */
const WRONG_CODE: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.FamilyCodeInvalid,
  ErrorCode.FamilyCodeUsed,
  ErrorCode.FamilyCodeExpired,
]);

/** 家人代办: a resident's link codes, linking by a code (joining the community if need be), and unlinking. */
@Injectable()
export class FamilyService {
  constructor(
    private readonly db: Db,
    private readonly communities: CommunitiesService,
    private readonly audit: AuditTrail,
    private readonly limiter: RateLimiter,
    private readonly notifications: NotificationsService,
  ) {}

  /** 我的家人 in one community: my open code, my family members, and the residents I act for. */
  async overview(access: CommunityAccess, userId: string): Promise<FamilyOverview> {
    return this.db.read(async (em) => {
      const { communityId } = access;
      const code = await em.findOne(FamilyLinkCode, {
        where: { communityId, residentId: userId, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
      });
      const links = await em.find(FamilyLink, {
        where: [
          { communityId, residentId: userId, active: true },
          { communityId, familyId: userId, active: true },
        ],
        order: { linkedAt: 'ASC', id: 'ASC' },
      });
      const views = await this.views(em, communityId, links, userId);
      return {
        communityId,
        code: code ? codeView(code) : null,
        family: views.filter((_, i) => links[i].residentId === userId),
        residents: views.filter((_, i) => links[i].familyId === userId),
        membershipStatus: access.membership.status,
      };
    });
  }

  /** A new code for the resident; the one they had before, if unused, stops working. */
  async createCode(access: CommunityAccess, userId: string): Promise<FamilyCodeView> {
    const { communityId } = access;
    return this.db.transaction(async (em) => {
      await em.delete(FamilyLinkCode, { communityId, residentId: userId, usedAt: IsNull() });
      const now = new Date();
      // 32⁸ codes: a collision with one of the stored ones is next to impossible, but the key decides.
      for (;;) {
        const code = familyCodeFrom(
          Array.from({ length: FAMILY_CODE_LENGTH }, () => randomInt(FAMILY_CODE_ALPHABET.length)),
        );
        if (await em.exists(FamilyLinkCode, { where: { code } })) continue;
        const row: FamilyLinkCode = {
          id: newId(),
          communityId,
          residentId: userId,
          code,
          createdAt: now,
          expiresAt: familyCodeExpiry(now),
          usedAt: null,
          usedBy: null,
        };
        await em.insert(FamilyLinkCode, row);
        return codeView(row);
      }
    });
  }

  /**
   * 输入家人给的代码: the caller becomes a family member of the resident who made the code, once; someone not yet
   * a member joins the community in the same step (FAMILY_JOIN_REQUIRED tells them what to send). The code is
   * taken under a lock, and the link is unique by its code: of two people using one code at once, one is linked.
   */
  async link(user: User, body: LinkFamilyDto, now = new Date()): Promise<FamilyLinkResult> {
    await this.limiter.refuseWhenReached(RATE_LIMITS.wrongFamilyCodes, `user:${user.id}`, now);
    try {
      return await this.db.transaction((em) => this.linkIn(em, user, body, now));
    } catch (error) {
      if (error instanceof DomainError && WRONG_CODE.has(error.code))
        await this.limiter.count(RATE_LIMITS.wrongFamilyCodes, `user:${user.id}`, now);
      throw error;
    }
  }

  private async linkIn(
    em: EntityManager,
    user: User,
    body: LinkFamilyDto,
    now: Date,
  ): Promise<FamilyLinkResult> {
    const typed = normaliseFamilyCode(body.code);
    const code = typed
      ? await em.findOne(FamilyLinkCode, { where: { code: typed }, ...this.db.forUpdate })
      : null;
    const communityId = code?.communityId ?? '';
    const resident = code
      ? await em.findOne(Membership, { where: { communityId, userId: code.residentId } })
      : null;
    const mine = code ? await em.findOne(Membership, { where: { communityId, userId: user.id } }) : null;
    const decision = decideFamilyLink({
      callerId: user.id,
      now,
      code,
      residentIsMember: resident?.status === MembershipStatus.Active,
      callerMembership: mine ? (mine.status === MembershipStatus.Active ? 'active' : 'pending') : null,
      joining: !!body.join,
      alreadyLinked: await em.exists(FamilyLink, {
        where: { communityId, residentId: code?.residentId ?? '', familyId: user.id, active: true },
      }),
      residentLinks: await em.count(FamilyLink, {
        where: { communityId, residentId: code?.residentId ?? '', active: true },
      }),
    });
    if (isRefusal(decision)) {
      if (decision.error === ErrorCode.FamilyJoinRequired)
        throw new DomainError(decision.error, await this.joinDetails(em, code!));
      throw refusedWith(decision);
    }
    const community = await em.findOneOrFail(Community, { where: { id: communityId } });
    const status = decision.join
      ? (await this.communities.admit(em, user, community, body.join!)).status
      : mine!.status;
    const used = await em.update(
      FamilyLinkCode,
      { id: code!.id, usedAt: IsNull() },
      { usedAt: now, usedBy: user.id },
    );
    if (!used.affected) throw new DomainError(ErrorCode.FamilyCodeUsed);
    const link: FamilyLink = {
      id: newId(),
      communityId,
      residentId: code!.residentId,
      familyId: user.id,
      active: true,
      codeId: code!.id,
      linkedAt: now,
      endedAt: null,
      endedBy: null,
      endReason: null,
    };
    try {
      await em.insert(FamilyLink, link);
    } catch (error) {
      // The same pair linked by another code at this very moment, or this code by someone else.
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.FamilyAlreadyLinked);
      throw error;
    }
    await this.audit.record(em, {
      action: AuditAction.FamilyLink,
      communityId,
      targetType: 'family_link',
      targetId: link.id,
      subjectId: link.residentId,
      actingAs: 'family',
      summary: `凭居民生成的代码关联为家人${decision.join ? '，同时申请加入社区' : ''}`,
    });
    const [view] = await this.views(em, communityId, [link], user.id);
    return { link: view, communityName: community.name, membershipStatus: status };
  }

  /** 解除关联, by the resident or by the family member; to anyone else the link is not there. */
  async unlink(access: CommunityAccess, userId: string, linkId: string): Promise<{ removed: true }> {
    const notices: Notice[] = [];
    await this.db.transaction(async (em) => {
      const link = await em.findOne(FamilyLink, { where: { id: linkId }, ...this.db.forUpdate });
      if (!link?.active) throw new DomainError(ErrorCode.FamilyLinkNotFound);
      const side = familyLinkSide(link, userId);
      if (isRefusal(side)) throw refusedWith(side);
      await em.update(
        FamilyLink,
        { id: link.id, active: true },
        { active: null, endedAt: new Date(), endedBy: userId, endReason: 'removed' },
      );
      await this.audit.record(em, {
        action: AuditAction.FamilyUnlink,
        targetType: 'family_link',
        targetId: link.id,
        subjectId: side === 'resident' ? link.familyId : link.residentId,
        actingAs: side === 'resident' ? Role.Resident : 'family',
        summary: side === 'resident' ? '居民解除了与这位家人的关联' : '家人解除了与这位居民的关联',
      });
      notices.push(await this.unlinkNotice(em, link, side === 'resident'));
      await this.notifications.record(em, notices);
    });
    await this.notifications.push(notices);
    return { removed: true as const };
  }

  /** The other side is told, by the masked name, that they can no longer act for (or be helped by) the one who ended it. */
  private async unlinkNotice(em: EntityManager, link: FamilyLink, byResident: boolean): Promise<Notice> {
    const endedBy = byResident ? link.residentId : link.familyId;
    // Masked as 我的家人 shows it: the link is gone, and so is any reason to see the full name.
    const name = maskName((await memberNames(em, link.communityId, [endedBy])).get(endedBy) ?? '') || '对方';
    return byResident
      ? {
          userId: link.familyId,
          communityId: link.communityId,
          title: '家人关联已解除',
          body: `${name}解除了与您的家人关联，您不能再替${name}发布或确认心愿。`,
          status: '已解除',
        }
      : {
          userId: link.residentId,
          communityId: link.communityId,
          title: '家人关联已解除',
          body: `您的家人${name}解除了关联，不能再替您代办。需要时可以在“我的家人”里再给家人一个代码。`,
          status: '已解除',
        };
  }

  /** Each link as the caller sees it: the other person's name masked, the resident's id, the date. */
  private async views(
    em: EntityManager,
    communityId: string,
    links: FamilyLink[],
    userId: string,
  ): Promise<FamilyLinkView[]> {
    const other = (link: FamilyLink) => (link.residentId === userId ? link.familyId : link.residentId);
    const names = await memberNames(em, communityId, links.map(other));
    return links.map((link) => ({
      id: link.id,
      communityId,
      name: maskName(names.get(other(link)) ?? ''),
      residentId: link.residentId,
      linkedAt: toIsoLocal(link.linkedAt),
    }));
  }

  /** What someone outside the community is shown, with a valid code, to join it. */
  private async joinDetails(em: EntityManager, code: FamilyLinkCode): Promise<FamilyJoinDetails> {
    const community = await em.findOneOrFail(Community, { where: { id: code.communityId } });
    const names = await memberNames(em, code.communityId, [code.residentId]);
    return {
      communityId: community.id,
      communityName: community.name,
      residentName: maskName(names.get(code.residentId) ?? ''),
      compounds: await compoundRefs(em, community.id),
    };
  }
}

function codeView(code: FamilyLinkCode): FamilyCodeView {
  return { code: code.code, expiresAt: toIsoLocal(code.expiresAt) };
}
