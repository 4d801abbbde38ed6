import {
  ErrorCode,
  MembershipEnded,
  MembershipStatus,
  Role,
  toIsoLocal,
  WishStatus,
} from '@redvest/contract';
import { WISH_TRANSITIONS } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Enrolment } from '../activities/enrolment.entity';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { Departure } from '../communities/departure.entity';
import { closePendingInvitation } from '../communities/invitation-closing';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { ContactGroupsService, GroupChange } from '../contact/contact-groups.service';
import { FamilyEndings } from '../family/family-endings';
import { Demand } from '../contact/entities';
import { Resource, ServiceProject } from '../contact/lists.entities';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { LedgerService } from '../ledger/ledger.service';
import { memberNames } from '../communities/member-names';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { Redemption } from '../rewards/redemption.entity';
import { RewardsService } from '../rewards/rewards.service';
import { WishEvent } from '../wishes/wish-event.entity';
import { User } from '../users/user.entity';
import { Wish } from '../wishes/wish.entity';

/** Why a membership ends: 退出社区, 移除成员 (with the secretary's reason), or 注销账号. */
export type EndingKind = 'left' | 'removed' | 'deleted';

export interface EndingInput {
  communityId: string;
  userId: string;
  /** Who asked: the member, or the secretary who removed them. */
  actorId: string;
  kind: EndingKind;
  reason?: string;
}

const WHY: Record<EndingKind, string> = {
  left: '已退出社区',
  removed: '已被移出社区',
  deleted: '已注销账号',
};

/** A wish its author can still withdraw; a fulfilled one waits for the automatic confirmation instead. */
const OPEN_WISH = WISH_TRANSITIONS.cancel.from;

const wishNotice = (wish: Wish, userId: string, body: string, status: string): Notice => ({
  userId,
  communityId: wish.communityId,
  title: `心愿“${wish.title}”`,
  body,
  wishId: wish.id,
  status,
});

/**
 * Ends one person's membership of one community, inside the caller's transaction, and closes what they
 * left open there: open claims go back to the board, their own unfinished wishes are withdrawn, orders not
 * yet picked up are cancelled with a refund through the ledger, future enrolments go, contact groups,
 * assigned demands, taken projects and offered resources are let go, family links end (家人代办), and roles end
 * with the membership.
 * The phone and household go with the membership row (copies on their wishes too); a member's real name stays
 * in the departure, for the community's records (an applicant never verified leaves none). An invitation still
 * waiting for an answer is closed.
 * The ledger, attendances and visits stay as the community's records. The last secretary cannot leave.
 */
@Injectable()
export class MembershipEnding {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly rewards: RewardsService,
    private readonly contactGroups: ContactGroupsService,
    private readonly notifications: NotificationsService,
    private readonly family: FamilyEndings,
  ) {}

  async end(em: EntityManager, input: EndingInput): Promise<{ ended: MembershipEnded; notices: Notice[] }> {
    const { communityId, userId } = input;
    // The caller took the community's chain lock and then the user's row (see lockFor): a redemption of theirs
    // at this moment is refunded below, or comes after and finds no membership to pay from.
    await this.ledger.lockChain(em, communityId);
    const membership = await em.findOne(Membership, { where: { communityId, userId }, ...this.db.forUpdate });
    if (!membership) throw new DomainError(ErrorCode.MemberNotFound);
    await this.refuseLastSecretary(em, membership);
    const notices: Notice[] = [];
    // First, while the member's name is still there for the audit entries.
    await this.family.endLinksOf(em, communityId, userId, input.kind, input.actorId);

    const claimsReleased = await this.releaseClaims(em, communityId, userId, notices);
    const wishesCancelled = await this.withdrawWishes(em, communityId, userId, input.kind, notices);
    const redemptionsRefunded = await this.refundOrders(
      em,
      communityId,
      userId,
      input.actorId,
      `兑换人${WHY[input.kind]}`,
    );
    await this.dropFutureEnrolments(em, communityId, userId);
    const groups = await this.contactGroups.withdrawMember(em, communityId, userId);
    notices.push(...(await this.groupNotices(em, communityId, groups)));
    await em.update(
      Demand,
      { communityId, assigneeId: userId, status: In(['accepted', 'in_progress']) },
      { assigneeId: null, updatedAt: new Date() },
    );
    await em.update(
      ServiceProject,
      { communityId, takerId: userId, status: 'taken' },
      { status: 'open', takerId: null },
    );
    await em.update(Resource, { communityId, offeredBy: userId, active: true }, { active: false });
    // The phone and address copied onto their wishes go with the membership they came from.
    await em.update(Wish, { communityId, authorId: userId }, { placeEnc: null, phoneEnc: null });

    await em.delete(MembershipRole, { membershipId: membership.id });
    await em.delete(Membership, { id: membership.id });
    await this.ledger.markMembership(em, communityId, userId, false);
    await closePendingInvitation(em, communityId, userId);
    const endedAt = new Date();
    if (input.kind !== 'deleted') {
      await em.insert(Departure, {
        id: newId(),
        communityId,
        userId,
        kind: input.kind,
        // An applicant still waiting never became a member: the community keeps no name of theirs.
        realName: membership.status === MembershipStatus.Active ? membership.realName : null,
        reason: input.reason?.trim() || null,
        endedBy: input.actorId,
        endedAt,
      });
    }
    if (input.kind === 'removed') {
      const community = await em.findOneOrFail(Community, { where: { id: communityId } });
      notices.push({
        userId,
        communityId,
        title: `您已被移出“${community.name}”`,
        body: `原因：${input.reason?.trim() ?? ''}。您的服务记录和积分明细仍然保留，可凭邀请码重新申请加入。`,
        status: '已移出',
      });
    }
    await this.notifications.record(em, notices);
    return {
      ended: {
        communityId,
        endedAt: toIsoLocal(endedAt),
        claimsReleased,
        wishesCancelled,
        redemptionsRefunded,
        groupsLeft: groups.length,
      },
      notices,
    };
  }

  /**
   * The locks ending memberships needs, in the order every other writer takes them: the communities' ledger
   * chains first (a redemption or an award takes its chain, then touches the user's row through its foreign
   * keys), then the user's row (a claim takes it). False when the user is not there (or deleted).
   */
  async lockFor(em: EntityManager, userId: string, communityIds: string[]): Promise<boolean> {
    for (const communityId of [...new Set(communityIds)].sort()) await this.ledger.lockChain(em, communityId);
    const user = await em.findOne(User, { where: { id: userId }, ...this.db.forUpdate });
    return !!user && !user.deletedAt;
  }

  /** The communities where this person is the only secretary: they must hand over first. */
  async soleSecretaryOf(em: EntityManager, userId: string): Promise<{ id: string; name: string }[]> {
    const held = await em
      .createQueryBuilder(MembershipRole, 'r')
      .innerJoin(Membership, 'm', 'm.id = r.membership_id')
      .where('m.user_id = :userId AND r.role = :role', { userId, role: Role.Secretary })
      .select('r.community_id', 'communityId')
      .getRawMany<{ communityId: string }>();
    const sole: { id: string; name: string }[] = [];
    for (const { communityId } of held) {
      // The community's row: two secretaries leaving at once take turns, so one of them is refused.
      const community = await em.findOneOrFail(Community, {
        where: { id: communityId },
        ...this.db.forUpdate,
      });
      const secretaries = await em.count(MembershipRole, { where: { communityId, role: Role.Secretary } });
      if (secretaries <= 1) sole.push({ id: community.id, name: community.name });
    }
    return sole;
  }

  private async refuseLastSecretary(em: EntityManager, membership: Membership) {
    const sole = await this.soleSecretaryOf(em, membership.userId);
    const here = sole.filter((c) => c.id === membership.communityId);
    if (here.length) throw new DomainError(ErrorCode.LastSecretaryMustHandOver, { communities: here });
  }

  /** 放弃认领 for every wish they hold but have not fulfilled: it is open to others again. */
  private async releaseClaims(em: EntityManager, communityId: string, userId: string, notices: Notice[]) {
    const held = await em.find(Wish, {
      where: { communityId, claimerId: userId, status: WishStatus.Claimed },
    });
    let released = 0;
    for (const wish of held) {
      const updated = await em.update(
        Wish,
        { id: wish.id, status: WishStatus.Claimed, claimerId: userId },
        {
          status: WISH_TRANSITIONS.release.to,
          claimerId: null,
          claimedForEmployerId: null,
          claimedAt: null,
          dispatchedBy: null,
          updatedAt: new Date(),
        },
      );
      if (!updated.affected) continue;
      released++;
      await this.event(em, wish.id, 'release', '认领人已离开社区，心愿重新开放认领');
      notices.push(wishNotice(wish, wish.authorId, '认领人暂时无法完成，您的心愿已重新开放认领', '重新开放'));
    }
    return released;
  }

  /** 撤回 of their own wishes not yet fulfilled; a claimer is told. */
  private async withdrawWishes(
    em: EntityManager,
    communityId: string,
    userId: string,
    kind: EndingKind,
    notices: Notice[],
  ) {
    const open = await em.find(Wish, { where: { communityId, authorId: userId, status: In(OPEN_WISH) } });
    let cancelled = 0;
    for (const wish of open) {
      const updated = await em.update(
        Wish,
        { id: wish.id, status: wish.status },
        { status: WISH_TRANSITIONS.cancel.to, updatedAt: new Date() },
      );
      if (!updated.affected) continue;
      cancelled++;
      await this.event(em, wish.id, 'cancel', `发布人${WHY[kind]}`);
      if (wish.status === WishStatus.PendingReview)
        await this.notifications.settle(em, wish.id, 'wish_review');
      if (wish.claimerId)
        notices.push(
          wishNotice(wish, wish.claimerId, '发布心愿的居民已离开社区，这个心愿已撤回，不用再办了', '已撤回'),
        );
    }
    return cancelled;
  }

  private async refundOrders(
    em: EntityManager,
    communityId: string,
    userId: string,
    actorId: string,
    why: string,
  ) {
    const placed = await em.find(Redemption, { where: { communityId, userId, status: 'placed' } });
    let refunded = 0;
    for (const order of placed) if (await this.rewards.refund(em, order, actorId, why)) refunded++;
    return refunded;
  }

  /** Places held in activities still to come are given back; past enrolments stay with the records. */
  private async dropFutureEnrolments(em: EntityManager, communityId: string, userId: string) {
    const coming = await em.find(Activity, {
      where: { communityId, endAt: MoreThan(new Date()) },
      select: { id: true },
    });
    if (coming.length) await em.delete(Enrolment, { userId, activityId: In(coming.map((a) => a.id)) });
  }

  /** The secretaries hear of a group that lost its leader or its last member. */
  private async groupNotices(
    em: EntityManager,
    communityId: string,
    changes: GroupChange[],
  ): Promise<Notice[]> {
    const changed = changes.filter((c) => c.outcome !== 'left');
    if (changed.length === 0) return [];
    const secretaries = await em
      .createQueryBuilder(MembershipRole, 'r')
      .innerJoin(Membership, 'm', 'm.id = r.membership_id')
      .where('r.community_id = :communityId AND r.role = :role', { communityId, role: Role.Secretary })
      .select('m.user_id', 'userId')
      .getRawMany<{ userId: string }>();
    const leaders = changed.flatMap((c) => (c.outcome === 'new_leader' ? [c.leaderId] : []));
    const names = await memberNames(em, communityId, leaders);
    return changed.flatMap((c) =>
      secretaries.map(({ userId }) => ({
        userId,
        communityId,
        title: `包户小组“${c.name}”有变动`,
        body:
          c.outcome === 'new_leader'
            ? `组长已离开社区，暂由${names.get(c.leaderId) ?? ''}担任组长，请确认或调整`
            : '小组最后一位成员已离开社区，小组已解散，所包住户已收回',
        status: '小组变动',
      })),
    );
  }

  private async event(em: EntityManager, wishId: string, action: 'release' | 'cancel', note: string) {
    await em.insert(WishEvent, { id: newId(), wishId, action, actorId: null, note, createdAt: new Date() });
  }
}
