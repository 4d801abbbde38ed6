import {
  AuditAction,
  MembershipStatus,
  TransferCode,
  Unit,
  WishAction,
  WishStatus,
  WishView,
} from '@redvest/contract';
import {
  asFamily,
  decideWishAction,
  isWishRefusal,
  WishActionInput,
  WishDecision,
  wishConfirmAction,
  wishWrongState,
} from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { CommunityAccess } from '../auth/auth-context';
import { refusedWith } from '../common/domain-error';
import { findMembership } from '../communities/membership-lookup';
import { Membership } from '../communities/membership.entity';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { ContentCheckService } from '../content/content-check.service';
import { Db } from '../database/db';
import { FamilyReads } from '../family/family-reads';
import { LedgerService } from '../ledger/ledger.service';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { ConfirmWishDto, FulfilWishDto } from './dto';
import { WishPhotoLink } from './wish-photo.entity';
import { linkWishPhotos, recordWishEvent, reviewerNotices } from './wish-records';
import { actorsFor, WishReader, WishViews } from './wish-views';
import { Wish } from './wish.entity';

/** The transitions a secretary or branch secretary makes on a resident's wish, as they appear in 审计日志. */
const AUDITED_ACTIONS: Partial<Record<WishAction, AuditAction>> = {
  publish: AuditAction.WishPublish,
  reject: AuditAction.WishReject,
  dispatch: AuditAction.WishDispatch,
  confirm_on_behalf: AuditAction.WishConfirmOnBehalf,
};

/** What a linked family member does for a resident (家人代办), as it appears in 审计日志. */
const FAMILY_ACTIONS: Partial<Record<WishAction, { action: AuditAction; words: string }>> = {
  confirm_on_behalf: { action: AuditAction.FamilyWishConfirm, words: '家人代居民确认完成' },
  dispute: { action: AuditAction.FamilyWishDispute, words: '家人代居民对完成情况提出异议' },
  cancel: { action: AuditAction.FamilyWishCancel, words: '家人代居民撤回心愿' },
};

/** What an action request carries besides the action itself. */
export interface ActionInput {
  reason?: string;
  onBehalfOfEmployer?: boolean;
  dispatchTo?: string;
  fulfil?: FulfilWishDto;
  confirm?: ConfirmWishDto;
}

const SYSTEM = { userId: null, actors: new Set(['system'] as const) };
/**
 * 微心愿: every transition of the state machine: the rules decide (decideWishAction), this
 * writes what they decided as one conditional update and tells the people concerned after commit.
 */
@Injectable()
export class WishesService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationsService,
    private readonly content: ContentCheckService,
    private readonly uploads: UploadsService,
    private readonly audit: AuditTrail,
    private readonly views: WishViews,
    private readonly family: FamilyReads,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The caller as the wish rules see them. With `lock`, the caller's family links are held to the end of the
   * transaction, so a link removed at this moment is either still there for the whole act or not at all.
   */
  private async reader(
    em: EntityManager,
    access: CommunityAccess,
    caller: User,
    lock = false,
  ): Promise<WishReader> {
    const familyOf = await this.family.residentsOf(em, access.communityId, caller.id, lock);
    return { access, userId: caller.id, familyOf };
  }

  /** 确认完成 by the author, or on the author's behalf by a reviewer or a linked family member. */
  async confirm(access: CommunityAccess, caller: User, wishId: string, body: ConfirmWishDto) {
    const { wish, reader } = await this.db.read(async (em) => ({
      wish: await em.findOneOrFail(Wish, { where: { id: wishId } }),
      reader: await this.reader(em, access, caller),
    }));
    const action = wishConfirmAction(wish.status, actorsFor(wish, reader));
    if (isWishRefusal(action)) throw refusedWith(action);
    return this.act(access, caller, wishId, action, { confirm: body });
  }

  /**
   * One transition: checked against the state machine for who the caller is, then applied as a conditional
   * update on the status the caller saw, so of two people acting at once only one wins.
   */
  async act(
    access: CommunityAccess,
    caller: User,
    wishId: string,
    action: WishAction,
    input: ActionInput = {},
  ): Promise<WishView> {
    if (input.confirm?.thanks) await this.content.check({ thanks: input.confirm.thanks }, caller.openid);
    const { view, notices } = await this.db.transaction(async (em) => {
      const wish = await em.findOneOrFail(Wish, { where: { id: wishId } });
      const now = new Date();
      const reader = await this.reader(em, access, caller, true);
      const who = { userId: caller.id, actors: actorsFor(wish, reader) };
      const decision = decideWishAction(
        wish,
        who,
        await this.lookUp(em, access, caller, action, input),
        now,
        this.config.wishes,
      );
      if (isWishRefusal(decision)) throw refusedWith(decision);
      if (action === 'fulfil') {
        const photos = input.fulfil?.photos ?? [];
        await this.uploads.checkOwned(em, photos, caller.id);
        await em.delete(WishPhotoLink, { wishId: wish.id, kind: 'fulfilment' });
        await linkWishPhotos(em, wish.id, photos, 'fulfilment');
      }
      const byFamily = asFamily(who);
      const after = await this.apply(em, wish, decision, caller.id, now, byFamily);
      if (!after) {
        const current = await em.findOneOrFail(Wish, { where: { id: wish.id } });
        throw refusedWith(wishWrongState(action, current.status));
      }
      const familyAct = byFamily ? FAMILY_ACTIONS[action] : undefined;
      const audited = familyAct ? undefined : AUDITED_ACTIONS[action];
      if (familyAct) {
        await this.audit.record(em, {
          action: familyAct.action,
          targetType: 'wish',
          targetId: wish.id,
          subjectId: wish.authorId,
          actingAs: 'family',
          summary: `${familyAct.words}（${wish.category}）`,
        });
      }
      if (audited) {
        await this.audit.record(em, {
          action: audited,
          targetType: 'wish',
          targetId: wish.id,
          subjectId: action === 'dispatch' ? after.claimerId : wish.authorId,
          summary: this.auditWords(action, after, input),
        });
      }
      const notices: Notice[] = decision.notices.map((n) => ({
        ...n,
        communityId: wish.communityId,
        wishId: wish.id,
      }));
      if (decision.settlesReview) await this.notifications.settle(em, wish.id, 'wish_review');
      if (decision.reviewerNotice)
        notices.push(...(await reviewerNotices(em, after, decision.reviewerNotice)));
      await this.notifications.record(em, notices);
      return { view: (await this.views.build(em, [after], reader, true))[0], notices };
    });
    await this.notifications.push(notices);
    return view;
  }

  /** Used by the scheduled jobs, as the system. */
  async actAsSystem(wishId: string, action: 'expire_claim' | 'auto_confirm'): Promise<boolean> {
    const none = { done: false, notices: [] as Notice[] };
    const { done, notices } = await this.db.transaction(async (em) => {
      const wish = await em.findOne(Wish, { where: { id: wishId } });
      if (!wish) return none;
      const now = new Date();
      const decision = decideWishAction(wish, SYSTEM, { action }, now, this.config.wishes);
      if (isWishRefusal(decision) || !(await this.apply(em, wish, decision, null, now))) return none;
      const notices = decision.notices.map((n) => ({ ...n, communityId: wish.communityId, wishId: wish.id }));
      await this.notifications.record(em, notices);
      return { done: true, notices };
    });
    await this.notifications.push(notices);
    return done;
  }

  /**
   * The decided change as a conditional update on what the caller saw, then its timeline event and the
   * claimer's points; null when someone else changed the wish first.
   */
  private async apply(
    em: EntityManager,
    wish: Wish,
    decision: WishDecision,
    actorId: string | null,
    now: Date,
    asFamily = false,
  ): Promise<Wish | null> {
    const updated = await em.update(
      Wish,
      { id: wish.id, ...decision.expect },
      { ...decision.changes, status: decision.to, updatedAt: now },
    );
    if (updated.affected === 0) return null;
    await recordWishEvent(em, wish.id, decision.action, actorId, decision.note, asFamily);
    if (decision.award) {
      await this.ledger.award(em, {
        communityId: wish.communityId,
        userId: decision.award.userId,
        unit: Unit.Points,
        amount: decision.award.amount,
        code: TransferCode.WishFulfilled,
        ref: { type: 'wish', id: wish.id },
        memo: decision.award.memo,
        autoPost: decision.award.autoPost,
        idempotencyKey: `wish:${wish.id}:points`,
        createdBy: actorId,
      });
    }
    return em.findOneOrFail(Wish, { where: { id: wish.id } });
  }

  /** What the rules need to know about the people an action names. */
  private async lookUp(
    em: EntityManager,
    access: CommunityAccess,
    caller: User,
    action: WishAction,
    input: ActionInput,
  ): Promise<WishActionInput> {
    const request = { action, reason: input.reason, fulfilNote: input.fulfil?.note, confirm: input.confirm };
    if (action === 'claim') {
      // One claim at a time per person: two claims of different wishes at once must not both pass the limit.
      // Leaving the community and deleting the account take this row first: after them there is no claimer.
      const account = await em.findOne(User, { where: { id: caller.id }, ...this.db.forUpdate });
      const membership = await em.findOne(Membership, {
        where: { communityId: access.communityId, userId: caller.id },
      });
      const openClaims = await em.count(Wish, {
        where: { claimerId: caller.id, status: In([WishStatus.Claimed, WishStatus.Fulfilled]) },
      });
      const claimer = {
        accountActive: !!account && !account.deletedAt,
        member: !!membership,
        openClaims,
        employerId: access.membership.employerId,
        onBehalfOfEmployer: !!input.onBehalfOfEmployer,
      };
      return { ...request, claimer };
    }
    if (action === 'dispatch') {
      const target = input.dispatchTo ? await findMembership(em, access.communityId, input.dispatchTo) : null;
      const dispatchTo = target && {
        userId: target.membership.userId,
        active: target.membership.status === MembershipStatus.Active,
        granted: target.granted,
      };
      return { ...request, dispatchTo };
    }
    return request;
  }

  private auditWords(action: WishAction, wish: Wish, input: ActionInput): string {
    switch (action) {
      case 'publish':
        return `审核通过，发布到心愿墙（${wish.category}，${wish.points} 积分）`;
      case 'reject':
        return `驳回（原因：${clip(input.reason ?? '')}）`;
      case 'dispatch':
        return '派单给成员，心愿转为已认领';
      default:
        return `代居民确认完成，${wish.points} 积分待审批`;
    }
  }
}
