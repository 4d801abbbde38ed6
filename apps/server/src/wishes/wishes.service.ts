import {
  AuditAction,
  ErrorCode,
  MAX_PHOTOS,
  MembershipStatus,
  Page,
  Role,
  TransferCode,
  Unit,
  WISH_ACTION_LABELS,
  WISH_CATEGORIES,
  WishAction,
  WishStatus,
  WishView,
  toIsoLocal,
} from '@redvest/contract';
import {
  canActInCompound,
  checkTransition,
  effectiveRoles,
  normalisePhone,
  WISH_TRANSITIONS,
} from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In, LessThan } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Community } from '../communities/community.entity';
import { Employer } from '../communities/employer.entity';
import { findMembership } from '../communities/membership-lookup';
import { Membership } from '../communities/membership.entity';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { ContentCheckService } from '../content/content-check.service';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { LedgerService } from '../ledger/ledger.service';
import { memberNames } from '../ledger/member-names';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { ConfirmWishDto, FulfilWishDto, PostWishDto, WishesQuery } from './dto';
import { WishEvent } from './wish-event.entity';
import { WishPhotoLink } from './wish-photo.entity';
import { WishPoints } from './wish-points.entity';
import { actorsFor, WishViews } from './wish-views';
import { Wish } from './wish.entity';

const DEFAULT_POINTS = 10;

/** The transitions a secretary or branch secretary makes on a resident's wish, as they appear in 审计日志. */
const AUDITED_ACTIONS: Partial<Record<WishAction, AuditAction>> = {
  publish: AuditAction.WishPublish,
  reject: AuditAction.WishReject,
  dispatch: AuditAction.WishDispatch,
  confirm_on_behalf: AuditAction.WishConfirmOnBehalf,
};

/** What an action request carries besides the action itself. */
export interface ActionInput {
  reason?: string;
  onBehalfOfEmployer?: boolean;
  dispatchTo?: string;
  fulfil?: FulfilWishDto;
  confirm?: ConfirmWishDto;
}

/** 微心愿: posting, the board, and every transition of the state machine as one conditional update. */
@Injectable()
export class WishesService {
  private readonly views: WishViews;

  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationsService,
    private readonly content: ContentCheckService,
    private readonly uploads: UploadsService,
    private readonly audit: AuditTrail,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.views = new WishViews(cipher, uploads, config.wishes.claimDays);
  }

  /**
   * 发布心愿, or 代发 (`onBehalfOf`) by a secretary or a branch secretary. `fromDemand` is a demand the branch
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
    if (photos.length > MAX_PHOTOS) throw new DomainError(ErrorCode.TooManyPhotos);
    const reviewer = access.roles.has(Role.Secretary) || access.roles.has(Role.BranchSecretary);
    // 代发 for someone else; naming oneself is an ordinary post, reviewed like any other.
    const forOther = !!body.onBehalfOf && body.onBehalfOf !== caller.id;
    if (forOther && !reviewer) throw new DomainError(ErrorCode.Forbidden);
    await this.content.check(
      { title: body.title, description: body.description, place: body.place },
      caller.openid,
    );
    const { view, notices } = await this.db.transaction(async (em) => {
      const authorId = forOther ? body.onBehalfOf! : caller.id;
      const author = await findMembership(em, access.communityId, authorId);
      if (!author || author.membership.status !== MembershipStatus.Active)
        throw new DomainError(ErrorCode.MemberNotFound);
      // A branch secretary posts only for residents of their own compounds: the wish goes to their own review.
      const compoundId = fromDemand ? fromDemand.compoundId : author.membership.compoundId;
      const inMyCompound =
        !!compoundId && canActInCompound(access.granted, access.branchCompoundIds, compoundId);
      if (forOther && !fromDemand && !access.roles.has(Role.Secretary) && !inMyCompound)
        throw new DomainError(ErrorCode.NotYourCompound);
      await this.uploads.checkOwned(em, photos, caller.id);
      const now = new Date();
      const publishNow = reviewer && (forOther || !!fromDemand);
      const wish: Wish = {
        id: newId(),
        communityId: access.communityId,
        authorId,
        postedBy: forOther ? caller.id : null,
        title: body.title.trim(),
        description: body.description.trim(),
        category: body.category,
        compoundId,
        placeEnc: this.encrypt(body.place?.trim() || (await this.homeOf(em, author.membership))),
        phoneEnc: this.encrypt(
          body.contactPhone
            ? normalisePhone(body.contactPhone)
            : author.membership.phoneEnc
              ? this.cipher.decrypt(author.membership.phoneEnc)
              : null,
        ),
        desiredDate: body.desiredDate ?? null,
        status: publishNow ? WishStatus.Published : WishStatus.PendingReview,
        points: await this.pointsFor(em, access.communityId, body.category),
        claimerId: null,
        claimedForEmployerId: null,
        dispatchedBy: null,
        claimedAt: null,
        fulfilNote: null,
        fulfilledAt: null,
        rating: null,
        thanks: null,
        confirmation: null,
        confirmedAt: null,
        rejectReason: null,
        createdAt: now,
        updatedAt: now,
      };
      await em.insert(Wish, wish);
      await fromDemand?.link(em, wish.id);
      await this.linkPhotos(em, wish.id, photos, 'wish');
      await this.event(
        em,
        wish.id,
        'post',
        caller.id,
        fromDemand ? '由群众诉求转来' : forOther ? '社区代发' : null,
      );
      if (publishNow) await this.event(em, wish.id, 'publish', caller.id, null);
      const notices = publishNow ? [] : await this.reviewerNotices(em, wish);
      if (forOther && !fromDemand) {
        await this.audit.record(em, {
          targetType: 'wish',
          targetId: wish.id,
          subjectId: authorId,
          summary: `代居民发布心愿（${wish.category}，${wish.points} 积分），直接发布`,
        });
      }
      await this.notifications.record(em, notices);
      return { view: (await this.views.build(em, [wish], access, caller.id))[0], notices };
    });
    await this.notifications.push(notices);
    return view;
  }

  async list(access: CommunityAccess, userId: string, query: WishesQuery): Promise<Page<WishView>> {
    const limit = query.limit ?? 20;
    const reviewer = access.roles.has(Role.Secretary) || access.roles.has(Role.BranchSecretary);
    const status = query.status ?? (query.mine ? undefined : WishStatus.Published);
    if (!query.mine && !reviewer && status !== WishStatus.Published)
      throw new DomainError(ErrorCode.Forbidden);
    return this.db.read(async (em) => {
      const where: FindOptionsWhere<Wish> = {
        communityId: access.communityId,
        ...(status ? { status } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.mine === 'posted'
          ? { authorId: userId }
          : query.mine === 'claimed'
            ? { claimerId: userId }
            : {}),
      };
      let rows: Wish[];
      if (query.sort === 'expiring') {
        // Nearest desired date first; the board is small enough to order whole, then page by offset of ids.
        const all = await em.find(Wish, { where, order: { id: 'DESC' }, take: 500 });
        all.sort(
          (a, b) =>
            (a.desiredDate ?? '9999').localeCompare(b.desiredDate ?? '9999') || b.id.localeCompare(a.id),
        );
        const start = query.cursor ? all.findIndex((w) => w.id === query.cursor) + 1 : 0;
        rows = all.slice(start, start + limit + 1);
      } else {
        rows = await em.find(Wish, {
          where: { ...where, ...(query.cursor ? { id: LessThan(query.cursor) } : {}) },
          order: { id: 'DESC' },
          take: limit + 1,
        });
      }
      const page = rows.slice(0, limit);
      return {
        items: await this.views.build(em, page, access, userId),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  async get(access: CommunityAccess, userId: string, wishId: string): Promise<WishView> {
    return this.db.read(async (em) => {
      const wish = await em.findOneOrFail(Wish, { where: { id: wishId } });
      const actors = actorsFor(wish, access, userId);
      const visible =
        wish.status === WishStatus.Published ||
        wish.status === WishStatus.Confirmed ||
        (actors.size > 0 && !(actors.size === 1 && actors.has('member')));
      if (!visible) throw new DomainError(ErrorCode.WishNotFound);
      return (await this.views.build(em, [wish], access, userId, true))[0];
    });
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
      const actors = actorsFor(wish, access, caller.id);
      const verdict = checkTransition(action, wish.status, actors);
      if (verdict === 'not_allowed') {
        if (action === 'claim' && wish.authorId === caller.id) throw new DomainError(ErrorCode.WishOwn);
        throw new DomainError(ErrorCode.WishActionNotAllowed);
      }
      if (verdict === 'wrong_state') throw this.wrongState(action, wish.status);
      const transition = WISH_TRANSITIONS[action];
      if (transition.needs === 'reason' && !input.reason?.trim()) {
        throw new DomainError(ErrorCode.ValidationFailed, [{ field: 'reason', message: '请填写原因' }]);
      }
      const changes = await this.changesFor(em, access, caller, wish, action, input);
      const updated = await em.update(
        Wish,
        {
          id: wish.id,
          status: wish.status,
          ...(transition.by.includes('claimer') ? { claimerId: caller.id } : {}),
        },
        { ...changes, status: transition.to, updatedAt: new Date() },
      );
      if (updated.affected === 0) {
        const now = await em.findOneOrFail(Wish, { where: { id: wish.id } });
        throw this.wrongState(action, now.status);
      }
      const after = await em.findOneOrFail(Wish, { where: { id: wish.id } });
      await this.event(em, wish.id, action, caller.id, this.noteFor(action, input));
      if (transition.to === WishStatus.Confirmed) await this.award(em, after, action, caller.id);
      const audited = AUDITED_ACTIONS[action];
      if (audited) {
        await this.audit.record(em, {
          action: audited,
          targetType: 'wish',
          targetId: wish.id,
          subjectId: action === 'dispatch' ? after.claimerId : wish.authorId,
          summary: this.auditWords(action, after, input),
        });
      }
      const notices = this.noticesFor(after, action, caller.id);
      if (wish.status === WishStatus.PendingReview)
        await this.notifications.settle(em, wish.id, 'wish_review');
      if (action === 'dispute') {
        const reviewers = await this.reviewerNotices(em, after);
        notices.push(
          ...reviewers.map((n) => ({
            ...n,
            title: `心愿有异议：${after.title}`,
            body: `居民对完成情况有异议：${input.reason!.trim()}`,
            status: '有异议',
            topic: undefined,
          })),
        );
      }
      await this.notifications.record(em, notices);
      return { view: (await this.views.build(em, [after], access, caller.id, true))[0], notices };
    });
    await this.notifications.push(notices);
    return view;
  }

  /** What a thank-you letter needs besides the wish: the employer it is addressed to, names and the date. */
  async letterDetails(communityId: string, wishId: string) {
    return this.db.read(async (em) => {
      const wish = await em.findOneOrFail(Wish, { where: { id: wishId } });
      const community = await em.findOneOrFail(Community, { where: { id: communityId } });
      const claimer = wish.claimerId
        ? await em.findOne(Membership, { where: { communityId, userId: wish.claimerId } })
        : null;
      const employerId = wish.claimedForEmployerId ?? claimer?.employerId ?? null;
      const employer = employerId ? await em.findOne(Employer, { where: { id: employerId } }) : null;
      const names = await memberNames(em, communityId, [wish.authorId]);
      return {
        communityName: community.name,
        employer: employer?.name ?? null,
        authorName: names.get(wish.authorId) ?? '',
        fulfilledOn: toIsoLocal(wish.fulfilledAt ?? wish.confirmedAt ?? new Date()).slice(0, 10),
        claimerId: wish.claimerId,
      };
    });
  }

  /** The community's points per category; the ones not set are 10. */
  async points(communityId: string): Promise<Record<string, number>> {
    const rows = await this.db.read((em) => em.find(WishPoints, { where: { communityId } }));
    return Object.fromEntries(
      WISH_CATEGORIES.map((c) => [c, rows.find((r) => r.category === c)?.points ?? DEFAULT_POINTS]),
    );
  }

  async setPoints(communityId: string, points: Record<string, number>): Promise<Record<string, number>> {
    const entries = Object.entries(points);
    for (const [category, value] of entries) {
      if (
        !(WISH_CATEGORIES as readonly string[]).includes(category) ||
        !Number.isInteger(value) ||
        value < 0 ||
        value > 1000
      ) {
        throw new DomainError(ErrorCode.ValidationFailed, [
          { field: `points.${category}`, message: '应为 0 到 1000 的整数，类别须为心愿类别' },
        ]);
      }
    }
    const before = await this.points(communityId);
    await this.db.transaction(async (em) => {
      for (const [category, value] of entries)
        await em.save(WishPoints, { communityId, category, points: value });
      const changed = entries.filter(([category, value]) => before[category] !== value);
      await this.audit.record(em, {
        targetType: 'community',
        targetId: communityId,
        summary: changed.length
          ? changed.map(([category, value]) => `${category} ${before[category]} → ${value} 积分`).join('；')
          : '无变化',
      });
    });
    return this.points(communityId);
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

  private async changesFor(
    em: EntityManager,
    access: CommunityAccess,
    caller: User,
    wish: Wish,
    action: WishAction,
    input: ActionInput,
  ): Promise<Partial<Wish>> {
    const now = new Date();
    switch (action) {
      case 'reject':
        return { rejectReason: input.reason!.trim() };
      case 'claim': {
        // One claim at a time per person: two claims of different wishes at once must not both pass the limit.
        // Leaving the community and deleting the account take this row first: after them there is no claimer.
        const claimer = await em.findOne(User, { where: { id: caller.id }, ...this.db.forUpdate });
        if (!claimer || claimer.deletedAt) throw new DomainError(ErrorCode.TokenInvalid);
        if (
          !(await em.findOne(Membership, { where: { communityId: access.communityId, userId: caller.id } }))
        )
          throw new DomainError(ErrorCode.NotCommunityMember);
        const open = await em.count(Wish, {
          where: { claimerId: caller.id, status: In([WishStatus.Claimed, WishStatus.Fulfilled]) },
        });
        if (open >= this.config.wishes.maxOpenClaims) throw new DomainError(ErrorCode.ClaimLimitReached);
        const employerId = input.onBehalfOfEmployer ? access.membership.employerId : null;
        if (input.onBehalfOfEmployer && !employerId) {
          throw new DomainError(ErrorCode.ValidationFailed, [
            { field: 'onBehalfOfEmployer', message: '您还没有登记原单位' },
          ]);
        }
        return { claimerId: caller.id, claimedForEmployerId: employerId, claimedAt: now, dispatchedBy: null };
      }
      case 'dispatch': {
        const target = input.dispatchTo
          ? await findMembership(em, access.communityId, input.dispatchTo)
          : null;
        if (
          !target ||
          target.membership.status !== MembershipStatus.Active ||
          !effectiveRoles(target.granted).has(Role.Volunteer)
        ) {
          throw new DomainError(ErrorCode.MemberNotFound);
        }
        if (target.membership.userId === wish.authorId) throw new DomainError(ErrorCode.WishOwn);
        return {
          claimerId: target.membership.userId,
          claimedForEmployerId: null,
          claimedAt: now,
          dispatchedBy: caller.id,
        };
      }
      case 'release':
      case 'expire_claim':
        return { claimerId: null, claimedForEmployerId: null, claimedAt: null, dispatchedBy: null };
      case 'fulfil': {
        const photos = input.fulfil?.photos ?? [];
        await this.uploads.checkOwned(em, photos, caller.id);
        await em.delete(WishPhotoLink, { wishId: wish.id, kind: 'fulfilment' });
        await this.linkPhotos(em, wish.id, photos, 'fulfilment');
        return { fulfilNote: input.fulfil!.note.trim(), fulfilledAt: now };
      }
      case 'dispute':
        return { fulfilledAt: null };
      case 'confirm':
        return {
          confirmation: 'author',
          confirmedAt: now,
          rating: input.confirm?.rating ?? null,
          thanks: input.confirm?.thanks?.trim() || null,
        };
      case 'confirm_on_behalf':
        return {
          confirmation: 'on_behalf',
          confirmedAt: now,
          rating: input.confirm?.rating ?? null,
          thanks: input.confirm?.thanks?.trim() || null,
        };
      case 'auto_confirm':
        return { confirmation: 'auto', confirmedAt: now };
      default:
        return {};
    }
  }

  /** The claimer's points: posted when the author confirmed, waiting for a secretary otherwise (DESIGN §5). */
  private async award(em: EntityManager, wish: Wish, action: WishAction, actorId: string | null) {
    if (!wish.claimerId || wish.points <= 0) return;
    await this.ledger.award(em, {
      communityId: wish.communityId,
      userId: wish.claimerId,
      unit: Unit.Points,
      amount: wish.points,
      code: TransferCode.WishFulfilled,
      ref: { type: 'wish', id: wish.id },
      memo: `完成微心愿：${wish.title}${action === 'auto_confirm' ? '（超时自动确认）' : action === 'confirm_on_behalf' ? '（社区代确认）' : ''}`,
      autoPost: action === 'confirm',
      idempotencyKey: `wish:${wish.id}:points`,
      createdBy: actorId,
    });
  }

  /** Used by the scheduled jobs, as the system. */
  async actAsSystem(wishId: string, action: 'expire_claim' | 'auto_confirm'): Promise<boolean> {
    const none = { done: false, notices: [] as Notice[] };
    const { done, notices } = await this.db.transaction(async (em) => {
      const wish = await em.findOne(Wish, { where: { id: wishId } });
      if (!wish || checkTransition(action, wish.status, new Set(['system'])) !== 'ok') return none;
      const changes =
        action === 'expire_claim'
          ? { claimerId: null, claimedForEmployerId: null, claimedAt: null, dispatchedBy: null }
          : { confirmation: 'auto' as const, confirmedAt: new Date() };
      const updated = await em.update(
        Wish,
        { id: wish.id, status: wish.status },
        { ...changes, status: WISH_TRANSITIONS[action].to, updatedAt: new Date() },
      );
      if (updated.affected === 0) return none;
      const after = await em.findOneOrFail(Wish, { where: { id: wish.id } });
      await this.event(em, wish.id, action, null, null);
      if (action === 'auto_confirm') await this.award(em, after, action, null);
      const notices = this.noticesFor({ ...after, claimerId: wish.claimerId }, action, null);
      await this.notifications.record(em, notices);
      return { done: true, notices };
    });
    await this.notifications.push(notices);
    return done;
  }

  private wrongState(action: WishAction, status: WishStatus): DomainError {
    if (
      (action === 'claim' || action === 'dispatch') &&
      (status === WishStatus.Claimed || status === WishStatus.Fulfilled)
    ) {
      return new DomainError(ErrorCode.WishAlreadyClaimed);
    }
    return new DomainError(ErrorCode.WishWrongState, { status });
  }

  private noteFor(action: WishAction, input: ActionInput): string | null {
    if (action === 'fulfil') return input.fulfil?.note.trim() ?? null;
    if (action === 'confirm' || action === 'confirm_on_behalf') return input.confirm?.thanks?.trim() || null;
    return input.reason?.trim() || null;
  }

  private noticesFor(wish: Wish, action: WishAction, actorId: string | null): Notice[] {
    const notice = (userId: string | null, body: string): Notice[] =>
      userId && userId !== actorId
        ? [
            {
              userId,
              communityId: wish.communityId,
              title: `心愿“${wish.title}”`,
              body,
              wishId: wish.id,
              status: WISH_ACTION_LABELS[action].slice(0, 5),
            },
          ]
        : [];
    switch (action) {
      case 'publish':
        return notice(wish.authorId, '您的心愿已通过审核，发布到心愿墙了');
      case 'reject':
        return notice(wish.authorId, `您的心愿未通过审核：${wish.rejectReason ?? ''}`);
      case 'claim':
      case 'dispatch':
        return [
          ...notice(wish.authorId, '有人认领了您的心愿，会尽快和您联系'),
          ...(action === 'dispatch' ? notice(wish.claimerId, '社区给您派了一个心愿，请尽快联系居民') : []),
        ];
      case 'release':
      case 'expire_claim':
        return notice(wish.authorId, '认领人暂时无法完成，您的心愿已重新开放认领');
      case 'fulfil':
        return notice(wish.authorId, '认领人说心愿已经完成，请您确认');
      case 'dispute':
        return notice(wish.claimerId, '居民对完成情况有异议，请再联系居民');
      case 'confirm':
      case 'confirm_on_behalf':
      case 'auto_confirm':
        return notice(
          wish.claimerId,
          `心愿已确认完成，感谢您的付出！积分 ${wish.points} 分${action === 'confirm' ? '已入账' : '待审批'}`,
        );
      case 'cancel':
        return notice(wish.claimerId, '居民撤回了这个心愿');
    }
  }

  private async reviewerNotices(em: EntityManager, wish: Wish): Promise<Notice[]> {
    const rows = await em
      .createQueryBuilder(Membership, 'm')
      .innerJoin('membership_roles', 'r', 'r.membership_id = m.id')
      .where('m.community_id = :cid', { cid: wish.communityId })
      .andWhere("(r.role = 'secretary' OR (r.role = 'branch_secretary' AND r.compound_id = :compound))", {
        compound: wish.compoundId ?? '',
      })
      .select('DISTINCT m.user_id', 'userId')
      .getRawMany<{ userId: string }>();
    const names = await memberNames(em, wish.communityId, [wish.authorId]);
    return rows.map(({ userId }) => ({
      userId,
      communityId: wish.communityId,
      title: `新心愿待审核：${wish.title}`,
      body: `${names.get(wish.authorId) ?? ''}发布了新心愿，请审核`,
      wishId: wish.id,
      status: '待审核',
      topic: 'wish_review' as const,
    }));
  }

  private async linkPhotos(em: EntityManager, wishId: string, photos: string[], kind: 'wish' | 'fulfilment') {
    for (const [position, uploadId] of [...new Set(photos)].entries())
      await em.insert(WishPhotoLink, { wishId, uploadId, kind, position });
  }

  private async pointsFor(em: EntityManager, communityId: string, category: string): Promise<number> {
    return (await em.findOne(WishPoints, { where: { communityId, category } }))?.points ?? DEFAULT_POINTS;
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

  private async event(
    em: EntityManager,
    wishId: string,
    action: WishAction | 'post',
    actorId: string | null,
    note: string | null,
  ) {
    await em.insert(WishEvent, { id: newId(), wishId, action, actorId, note, createdAt: new Date() });
  }
}
