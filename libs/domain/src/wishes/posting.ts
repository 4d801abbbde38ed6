import { ErrorCode, MAX_PHOTOS, Role, WishStatus } from '@redvest/contract';
import { canActInCompound, effectiveRoles } from '../roles';
import { Refusal, refuse } from '../refusal';

/** Who posts: their roles in the community and the compounds they are branch secretary of. */
export interface WishPoster {
  userId: string;
  granted: readonly Role[];
  branchCompoundIds: readonly string[];
  /** The residents the poster is a linked family member of (家人代办). */
  familyOf?: ReadonlySet<string>;
}

export interface WishPostRequest {
  /** 代发: the resident the wish is for. */
  onBehalfOf?: string;
  photoCount: number;
  /** A demand (诉求) the branch turns into a wish, with the demand's compound. */
  fromDemand?: { compoundId: string | null };
}

/** What the request alone decides, before anything is read: whose wish it is, and who reviews it. */
export interface WishPostPlan {
  authorId: string;
  /** 代发 for someone else; naming oneself is an ordinary post, reviewed like any other. */
  forOther: boolean;
  reviewer: boolean;
  /** A linked family member posts for the resident: reviewed like the resident's own wish. */
  family: boolean;
}

/** The author as found in the community, or null when they are not a member. */
export interface WishAuthorFacts {
  active: boolean;
  compoundId: string | null;
}

export interface WishPostDecision {
  authorId: string;
  /** Who posted it for the author (代发), or null. */
  postedBy: string | null;
  compoundId: string | null;
  status: WishStatus;
  /** The timeline's first events, in order, with their notes. */
  events: { action: 'post' | 'publish'; note: string | null }[];
  /** Published at once needs no review; otherwise the reviewers are asked. */
  asksReview: boolean;
  /** 代发 by a secretary or branch secretary, or by a family member, is written in 审计日志. */
  audited: boolean;
}

/**
 * 发布心愿, first step: at most MAX_PHOTOS photos, and only a reviewer or a linked family member posts for
 * someone else. A reviewer who is the resident's family posts as family (reviewed like any resident's wish).
 */
export function planWishPost(poster: WishPoster, request: WishPostRequest): WishPostPlan | Refusal {
  if (request.photoCount > MAX_PHOTOS) return refuse(ErrorCode.TooManyPhotos);
  const roles = effectiveRoles(poster.granted);
  const reviewer = roles.has(Role.Secretary) || roles.has(Role.BranchSecretary);
  const forOther = !!request.onBehalfOf && request.onBehalfOf !== poster.userId;
  const family = forOther && !request.fromDemand && !!poster.familyOf?.has(request.onBehalfOf!);
  if (forOther && !reviewer && !family) return refuse(ErrorCode.FamilyNotLinked);
  return { authorId: forOther ? request.onBehalfOf! : poster.userId, forOther, reviewer, family };
}

/**
 * 发布心愿, with the author read: a resident's own wish waits for review; one a reviewer posts for a
 * resident, or turns a demand into, is published at once. A branch secretary posts only for residents of
 * their own compounds (a demand's rights were checked where it was handled).
 */
export function decideWishPost(
  poster: WishPoster,
  request: WishPostRequest,
  plan: WishPostPlan,
  author: WishAuthorFacts | null,
): WishPostDecision | Refusal {
  if (!author?.active) return refuse(ErrorCode.MemberNotFound);
  const fromDemand = request.fromDemand;
  const compoundId = fromDemand ? fromDemand.compoundId : author.compoundId;
  const secretary = effectiveRoles(poster.granted).has(Role.Secretary);
  const inMyCompound = !!compoundId && canActInCompound(poster.granted, poster.branchCompoundIds, compoundId);
  if (plan.forOther && !plan.family && !fromDemand && !secretary && !inMyCompound)
    return refuse(ErrorCode.NotYourCompound);
  const publishNow = plan.reviewer && !plan.family && (plan.forOther || !!fromDemand);
  const note = fromDemand ? '由群众诉求转来' : plan.family ? '家人代发' : plan.forOther ? '社区代发' : null;
  return {
    authorId: plan.authorId,
    postedBy: plan.forOther ? poster.userId : null,
    compoundId,
    status: publishNow ? WishStatus.Published : WishStatus.PendingReview,
    events: publishNow
      ? [
          { action: 'post', note },
          { action: 'publish', note: null },
        ]
      : [{ action: 'post', note }],
    asksReview: !publishNow,
    audited: plan.forOther && !fromDemand,
  };
}
