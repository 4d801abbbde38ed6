import { TextLimit } from './limits';
import type { PageRequest } from './api';
import { WishCategory } from './categories';

/** Micro-wishes (微心愿, DESIGN §5). */
export enum WishStatus {
  PendingReview = 'pending_review',
  Published = 'published',
  Claimed = 'claimed',
  Fulfilled = 'fulfilled',
  Confirmed = 'confirmed',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  [WishStatus.PendingReview]: '待审核',
  [WishStatus.Published]: '待认领',
  [WishStatus.Claimed]: '已认领',
  [WishStatus.Fulfilled]: '待确认',
  [WishStatus.Confirmed]: '已完成',
  [WishStatus.Rejected]: '未通过',
  [WishStatus.Cancelled]: '已撤回',
};

export type WishAction =
  | 'publish'
  | 'reject'
  | 'claim'
  | 'dispatch'
  | 'release'
  | 'expire_claim'
  | 'fulfil'
  | 'confirm'
  | 'confirm_on_behalf'
  | 'auto_confirm'
  | 'dispute'
  | 'cancel';

export const WISH_ACTION_LABELS: Record<WishAction, string> = {
  publish: '审核通过',
  reject: '审核未通过',
  claim: '认领',
  dispatch: '社区派单',
  release: '放弃认领',
  expire_claim: '认领超时，重新开放',
  fulfil: '完成心愿',
  confirm: '确认完成',
  confirm_on_behalf: '代居民确认',
  auto_confirm: '超时自动确认',
  dispute: '居民提出异议',
  cancel: '撤回心愿',
};

export interface WishPhoto {
  id: string;
  url: string;
}

/**
 * 语音说明: a wish's recording. Everyone who sees the wish learns that it has one and how long it is; only the
 * people who may hear it (the author, the author's linked family, the claimer while holding the claim, the
 * reviewers) get `url`, a path of the API served with the login (GET /api/wishes/:wishId/voice).
 */
export interface WishVoiceNote {
  seconds: number;
  url: string | null;
}

export interface WishEventView {
  action: WishAction | 'post';
  label: string;
  actorName: string | null;
  note: string | null;
  at: string;
  /** A family member did it for the resident (家人代办); `label` says so. */
  asFamily: boolean;
}

export interface WishView {
  id: string;
  communityId: string;
  title: string;
  description: string;
  category: WishCategory;
  status: WishStatus;
  statusLabel: string;
  points: number;
  photos: WishPhoto[];
  voiceNote: WishVoiceNote | null;
  desiredDate: string | null;
  /** The caller posted it (or it was posted for them). */
  mine: boolean;
  /** The caller holds the claim. */
  claimedByMe: boolean;
  /** Only for the community's reviewers (who also see the member list); null for everyone else. */
  authorId: string | null;
  /** Masked (张*丰) on the board. */
  authorName: string;
  /** 代发: a secretary posted it for the resident, or a family member did (said only to those `postedByFamily` names them to). */
  postedOnBehalf: boolean;
  /**
   * 由家人 X 代为发布 / 代为确认: the family member's name, for the resident, the reviewers and the resident's
   * family; null for everyone else and when no family member did it.
   */
  postedByFamily: string | null;
  confirmedByFamily: string | null;
  /** The caller is a linked family member of the resident whose wish it is (家人的心愿). */
  forFamily: boolean;
  compound: string | null;
  /** Where and whom to call: only for the author, the claimer and secretaries; masked for others. */
  place: string | null;
  contactPhone: string | null;
  /** Only for reviewers, like `authorId`. */
  claimerId: string | null;
  claimerName: string | null;
  claimedForEmployer: string | null;
  dispatched: boolean;
  claimExpiresAt: string | null;
  fulfilNote: string | null;
  fulfilPhotos: WishPhoto[];
  rating: number | null;
  thanks: string | null;
  /** Who confirmed: the resident, a secretary for them, a family member for them, or the timer. */
  confirmation: 'author' | 'on_behalf' | 'family' | 'auto' | null;
  rejectReason: string | null;
  createdAt: string;
  /** What the caller may do now. */
  actions: WishAction[];
  timeline?: WishEventView[];
}

export interface PostWishRequest {
  title: string;
  description: string;
  category: WishCategory;
  photos?: string[];
  /**
   * 语音说明: a recording from POST /api/uploads/voice, the poster's own (or, when a family member posts, the
   * resident's); one per wish, and a recording belongs to one wish.
   */
  voiceId?: string;
  /** Defaults to the author's registered compound. */
  place?: string;
  /** Defaults to the author's phone. */
  contactPhone?: string;
  desiredDate?: string;
  /** 代发: a secretary posts for this resident, or a linked family member does (家人代办). */
  onBehalfOf?: string;
}

export interface ReviewWishRequest {
  action: 'publish' | 'reject';
  reason?: string;
}

export interface ClaimWishRequest {
  onBehalfOfEmployer?: boolean;
}

export interface FulfilWishRequest {
  note: string;
  photos?: string[];
}

export interface ConfirmWishRequest {
  rating?: number;
  thanks?: string;
}

export interface ReasonRequest {
  reason?: string;
}

/** 派单: the member a secretary hands the wish to. */
export interface DispatchWishRequest {
  userId: string;
}

export interface WishesQuery extends PageRequest {
  status?: WishStatus;
  category?: WishCategory;
  /** `family`: the wishes of the residents I am a linked family member of (家人的心愿). */
  mine?: 'posted' | 'claimed' | 'family';
  sort?: 'newest' | 'expiring';
}

/** 各类心愿的积分: points per wish category. */
export interface WishPointsRequest {
  points: Record<string, number>;
}

/** Photos one wish, fulfilment or demand may carry. */
export const MAX_PHOTOS = 3;

/** The texts of a wish and of what is said about it. */
export const WISH_LIMITS = {
  title: { max: 30, required: true },
  description: { max: 500, required: true, multiline: true },
  place: { max: 100 },
  /** Why it was rejected, released, disputed or cancelled. */
  reason: { max: 200, multiline: true },
  fulfilNote: { max: 500, required: true, multiline: true },
  thanks: { max: 300, multiline: true },
} as const satisfies Record<string, TextLimit>;

export interface UploadView {
  id: string;
  url: string;
}

/** 语音留言: what WeChat's recorder and the H5 encoder write, checked by its frames on the server. */
export const VOICE_LIMITS = { maxSeconds: 60, maxBytes: 1024 * 1024 } as const;

export interface VoiceUploadView extends UploadView {
  /** The recording's length, read from the file, rounded to the second. */
  seconds: number;
}

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  wishId: string | null;
  read: boolean;
  createdAt: string;
}
