import { ErrorCode, Role, WISH_ACTION_LABELS, WishAction, WishStatus } from '@redvest/contract';
import { invalidField, isRefusal, Refusal, refuse } from '../refusal';
import { effectiveRoles } from '../roles';
import { wishVisibleTo } from './actors';
import { checkTransition, WISH_TRANSITIONS, WishActor } from './state-machine';

/** The wish as its rules see it. */
export interface WishFacts {
  title: string;
  status: WishStatus;
  authorId: string;
  claimerId: string | null;
  points: number;
}

/** Who acts: a user and what they are to the wish, or the scheduled jobs (`userId` null, actor `system`). */
export interface WishCaller {
  userId: string | null;
  actors: ReadonlySet<WishActor>;
}

/** The request, with what the server looked up for it. */
export interface WishActionInput {
  action: WishAction;
  reason?: string;
  /** claim: the claimer as found under the lock on their account. */
  claimer?: {
    accountActive: boolean;
    member: boolean;
    /** Wishes they hold now, claimed or fulfilled. */
    openClaims: number;
    employerId: string | null;
    onBehalfOfEmployer: boolean;
  };
  /** dispatch: the member named, if they are in the community. */
  dispatchTo?: { userId: string; active: boolean; granted: readonly Role[] } | null;
  fulfilNote?: string;
  confirm?: { rating?: number; thanks?: string };
}

export interface WishSettings {
  maxOpenClaims: number;
}

/** The columns a transition writes besides the status. */
export interface WishChanges {
  claimerId?: string | null;
  claimedForEmployerId?: string | null;
  claimedAt?: Date | null;
  dispatchedBy?: string | null;
  rejectReason?: string;
  fulfilNote?: string;
  fulfilledAt?: Date | null;
  rating?: number | null;
  thanks?: string | null;
  confirmation?: 'author' | 'on_behalf' | 'family' | 'auto';
  /** Who confirmed: the author, or whoever confirmed for them; null when the timer did. */
  confirmedBy?: string | null;
  confirmedAt?: Date;
}

export interface WishNoticeText {
  title: string;
  body: string;
  /** The status word of the subscribe message (≤ 5 characters). */
  status: string;
}

export interface WishNotice extends WishNoticeText {
  userId: string;
}

/** The claimer's points for a confirmed wish: posted at once when the author confirmed, pending otherwise. */
export interface WishAward {
  userId: string;
  amount: number;
  memo: string;
  autoPost: boolean;
}

export interface WishDecision {
  action: WishAction;
  /** What the wish must still be for the change to apply (a conditional update): of two at once, one wins. */
  expect: { status: WishStatus; claimerId?: string };
  to: WishStatus;
  changes: WishChanges;
  /** The note on the timeline event. */
  note: string | null;
  award: WishAward | null;
  notices: WishNotice[];
  /** Told to every reviewer of the wish (the secretaries and the compound's branch secretaries). */
  reviewerNotice: WishNoticeText | null;
  /** The wish was waiting for review: the review requests sent to the reviewers are answered. */
  settlesReview: boolean;
}

export type WishRefusal = Refusal;

export const isWishRefusal = isRefusal;

/** The refusal for an action the wish is past (or not yet at); a wish someone holds says so. */
export function wishWrongState(action: WishAction, status: WishStatus): WishRefusal {
  if (
    (action === 'claim' || action === 'dispatch') &&
    (status === WishStatus.Claimed || status === WishStatus.Fulfilled)
  ) {
    return refuse(ErrorCode.WishAlreadyClaimed);
  }
  return refuse(ErrorCode.WishWrongState, { status });
}

/**
 * 确认完成: the author confirms; anyone else who may (a reviewer) confirms on the author's behalf. Someone
 * who may not see the wish is told it is not there.
 */
export function wishConfirmAction(
  status: WishStatus,
  actors: ReadonlySet<WishActor>,
): 'confirm' | 'confirm_on_behalf' | WishRefusal {
  if (!wishVisibleTo(status, actors)) return refuse(ErrorCode.WishNotFound);
  return actors.has('author') ? 'confirm' : 'confirm_on_behalf';
}

/** 感谢信: of a confirmed wish, for the member who fulfilled it and for community secretaries. */
export function wishLetterRefusal(
  status: WishStatus,
  actors: ReadonlySet<WishActor>,
  secretary: boolean,
): WishRefusal | null {
  if (!wishVisibleTo(status, actors)) return refuse(ErrorCode.WishNotFound);
  if (status !== WishStatus.Confirmed) return refuse(ErrorCode.WishWrongState, { status });
  if (!actors.has('claimer') && !secretary) return refuse(ErrorCode.Forbidden);
  return null;
}

/** One transition of a wish: checked for who the caller is and what they sent, and what it changes. */
export function decideWishAction(
  wish: WishFacts,
  caller: WishCaller,
  input: WishActionInput,
  now: Date,
  settings: WishSettings,
): WishDecision | WishRefusal {
  const { action } = input;
  const verdict = checkTransition(action, wish.status, caller.actors);
  if (verdict === 'not_allowed') {
    return refuse(
      action === 'claim' && wish.authorId === caller.userId
        ? ErrorCode.WishOwn
        : ErrorCode.WishActionNotAllowed,
    );
  }
  if (verdict === 'wrong_state') return wishWrongState(action, wish.status);
  const transition = WISH_TRANSITIONS[action];
  if (transition.needs === 'reason' && !input.reason?.trim()) return invalidField('reason', '请填写原因');
  const changes = changesFor(wish, caller, input, now, settings);
  if (isWishRefusal(changes)) return changes;
  const after = { ...wish, ...changes, status: transition.to };
  return {
    action,
    expect: {
      status: wish.status,
      ...(transition.by.includes('claimer') && caller.userId ? { claimerId: caller.userId } : {}),
    },
    to: transition.to,
    changes,
    note: noteFor(input),
    award: transition.to === WishStatus.Confirmed ? awardFor(after, action, asFamily(caller)) : null,
    notices: noticesFor(after, action, caller.userId),
    reviewerNotice:
      action === 'dispute'
        ? {
            title: `心愿有异议：${wish.title}`,
            body: `${asFamily(caller) ? '居民的家人' : '居民'}对完成情况有异议：${input.reason!.trim()}`,
            status: '有异议',
          }
        : null,
    settlesReview: wish.status === WishStatus.PendingReview,
  };
}

const RELEASED: WishChanges = {
  claimerId: null,
  claimedForEmployerId: null,
  claimedAt: null,
  dispatchedBy: null,
};

function changesFor(
  wish: WishFacts,
  caller: WishCaller,
  input: WishActionInput,
  now: Date,
  settings: WishSettings,
): WishChanges | WishRefusal {
  switch (input.action) {
    case 'reject':
      return { rejectReason: input.reason!.trim() };
    case 'claim': {
      const claimer = input.claimer;
      if (!claimer?.accountActive) return refuse(ErrorCode.TokenInvalid);
      if (!claimer.member) return refuse(ErrorCode.NotCommunityMember);
      if (claimer.openClaims >= settings.maxOpenClaims) return refuse(ErrorCode.ClaimLimitReached);
      const employerId = claimer.onBehalfOfEmployer ? claimer.employerId : null;
      if (claimer.onBehalfOfEmployer && !employerId)
        return invalidField('onBehalfOfEmployer', '您还没有登记原单位');
      return {
        claimerId: caller.userId,
        claimedForEmployerId: employerId,
        claimedAt: now,
        dispatchedBy: null,
      };
    }
    case 'dispatch': {
      const target = input.dispatchTo;
      if (!target || !target.active || !effectiveRoles(target.granted).has(Role.Volunteer))
        return refuse(ErrorCode.MemberNotFound);
      if (target.userId === wish.authorId) return refuse(ErrorCode.WishOwn);
      return {
        claimerId: target.userId,
        claimedForEmployerId: null,
        claimedAt: now,
        dispatchedBy: caller.userId,
      };
    }
    case 'release':
    case 'expire_claim':
      return RELEASED;
    case 'fulfil':
      return { fulfilNote: (input.fulfilNote ?? '').trim(), fulfilledAt: now };
    case 'dispute':
      return { fulfilledAt: null };
    case 'confirm':
    case 'confirm_on_behalf':
      // Whoever fulfilled the wish does not also say for the resident that it was done well (their points hang on it).
      if (input.action === 'confirm_on_behalf' && asFamily(caller) && caller.actors.has('claimer'))
        return refuse(ErrorCode.FamilyClaimerMayNotConfirm);
      return {
        confirmation: input.action === 'confirm' ? 'author' : asFamily(caller) ? 'family' : 'on_behalf',
        confirmedBy: caller.userId,
        confirmedAt: now,
        rating: input.confirm?.rating ?? null,
        thanks: input.confirm?.thanks?.trim() || null,
      };
    case 'auto_confirm':
      return { confirmation: 'auto', confirmedBy: null, confirmedAt: now };
    default:
      return {};
  }
}

/**
 * A linked family member acts for the resident (家人代办); a reviewer who is also family acts as family, so that
 * their own relative's wish is not confirmed by their secretary's powers.
 */
export function asFamily(caller: WishCaller): boolean {
  return caller.actors.has('family');
}

function noteFor(input: WishActionInput): string | null {
  if (input.action === 'fulfil') return input.fulfilNote?.trim() ?? null;
  if (input.action === 'confirm' || input.action === 'confirm_on_behalf')
    return input.confirm?.thanks?.trim() || null;
  return input.reason?.trim() || null;
}

function awardFor(wish: WishFacts, action: WishAction, byFamily: boolean): WishAward | null {
  if (!wish.claimerId || wish.points <= 0) return null;
  const onBehalf = byFamily ? '（家人代确认）' : '（社区代确认）';
  const how = action === 'auto_confirm' ? '（超时自动确认）' : action === 'confirm_on_behalf' ? onBehalf : '';
  return {
    userId: wish.claimerId,
    amount: wish.points,
    memo: `完成微心愿：${wish.title}${how}`,
    autoPost: action === 'confirm',
  };
}

/** Who hears of the change, and what: never the person who made it. */
function noticesFor(wish: WishFacts & WishChanges, action: WishAction, actorId: string | null): WishNotice[] {
  const notice = (userId: string | null, body: string): WishNotice[] =>
    userId && userId !== actorId
      ? [{ userId, title: `心愿“${wish.title}”`, body, status: WISH_ACTION_LABELS[action].slice(0, 5) }]
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

/** What the reviewers are asked when a wish waits for review. */
export function wishReviewRequest(title: string, authorName: string): WishNoticeText {
  return { title: `新心愿待审核：${title}`, body: `${authorName}发布了新心愿，请审核`, status: '待审核' };
}
