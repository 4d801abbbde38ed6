import type { InvitationStatus } from './api';
import type { AttendanceStatus, CorrectionStatus } from './activities-api';
import type { DemandStatus } from './contact';
import type { TransferCode, TransferStatus, Unit } from './ledger';
import type { RedemptionStatus } from './ledger-api';
import type { MembershipStatus, Role } from './roles';
import type { WishStatus } from './wishes';

/** The privacy notice a user agrees to before any personal data is asked for (WeChat requires it). */
export const PRIVACY_NOTICE_VERSION = '2026-12-02';

/**
 * `DELETE /api/me` carries this exact value in `confirm`: an account is erased only when asked for in so
 * many words, never by a stray request.
 */
export const ACCOUNT_DELETION_CONFIRMATION = 'DELETE_MY_ACCOUNT';

export interface DeleteAccountRequest {
  confirm: typeof ACCOUNT_DELETION_CONFIRMATION;
}

/** What `DELETE /api/me` did; the token that asked no longer works. */
export interface AccountDeletionResult {
  deletedAt: string;
  communitiesLeft: number;
  claimsReleased: number;
  wishesCancelled: number;
  redemptionsRefunded: number;
  /** Uploaded photos removed from the store together with their rows. */
  photosDeleted: number;
}

/** `GET /api/me/export`: the version of the shape below, so a reader knows what it holds. */
export const MY_DATA_EXPORT_FORMAT = 'redvest-my-data/1';

/**
 * 个人信息导出 (PIPL art. 45): everything held about the caller, decrypted for them. It holds the caller's own
 * data only: the people they met through the app (a wish's author, a visited household) appear by what
 * the caller wrote, never by those people's names, phones or addresses. Times are ISO 8601 with offset.
 * docs/privacy.md lists every field and where it comes from.
 */
export interface MyDataExport {
  format: typeof MY_DATA_EXPORT_FORMAT;
  exportedAt: string;
  account: {
    id: string;
    nickname: string;
    createdAt: string;
    privacy: { agreedVersion: string | null; agreedAt: string | null };
  };
  memberships: {
    communityId: string;
    communityName: string;
    status: MembershipStatus;
    roles: Role[];
    realName: string | null;
    /** In full: the export is the person's own copy. */
    phone: string | null;
    compound: string | null;
    /** 楼栋 单元 房号, when the member registered a household. */
    household: string | null;
    employer: string | null;
    joinedAt: string;
    verifiedAt: string | null;
  }[];
  /** Communities left or removed from: the name kept with the service records there. */
  formerMemberships: {
    communityId: string;
    communityName: string;
    kind: 'left' | 'removed';
    realName: string | null;
    reason: string | null;
    endedAt: string;
  }[];
  invitations: {
    communityId: string;
    communityName: string;
    roles: Role[];
    status: InvitationStatus;
    createdAt: string;
    answeredAt: string | null;
  }[];
  points: {
    accounts: {
      communityId: string;
      unit: Unit;
      balance: number;
      pending: number;
      creditsPosted: number;
      debitsPosted: number;
    }[];
    /** Every ledger row on one of my accounts; `delta` is signed, positive when it came to me. */
    transfers: {
      id: string;
      communityId: string;
      unit: Unit;
      delta: number;
      code: TransferCode;
      memo: string | null;
      status: TransferStatus;
      createdAt: string;
    }[];
  };
  attendances: {
    id: string;
    communityId: string;
    activityTitle: string;
    checkedInAt: string;
    checkedOutAt: string | null;
    minutes: number | null;
    status: AttendanceStatus;
    offline: boolean;
    /** 代签到: an organiser checked me in. */
    byOrganiser: boolean;
    points: number | null;
  }[];
  enrolments: { activityId: string; activityTitle: string; createdAt: string }[];
  corrections: {
    id: string;
    activityTitle: string;
    recordedMinutes: number;
    requestedMinutes: number;
    reason: string;
    status: CorrectionStatus;
    decisionReason: string | null;
    createdAt: string;
  }[];
  certificates: {
    code: string;
    communityId: string;
    holderName: string;
    from: string;
    to: string;
    activityCount: number;
    totalMinutes: number;
    issuedAt: string;
  }[];
  wishesPosted: {
    id: string;
    communityId: string;
    title: string;
    description: string;
    category: string;
    status: WishStatus;
    place: string | null;
    contactPhone: string | null;
    desiredDate: string | null;
    rating: number | null;
    thanks: string | null;
    /** 代发: a secretary posted it for me. */
    postedForMe: boolean;
    photos: string[];
    /** 语音说明: its length and a link valid for 24 hours. */
    voiceNote: { seconds: number; url: string } | null;
    createdAt: string;
  }[];
  wishesClaimed: {
    id: string;
    communityId: string;
    title: string;
    status: WishStatus;
    claimedAt: string | null;
    fulfilNote: string | null;
    fulfilledAt: string | null;
    photos: string[];
  }[];
  /** Reasons, notes and thanks I wrote on a wish's timeline. */
  wishNotes: { wishId: string; action: string; note: string; at: string }[];
  demands: {
    id: string;
    communityId: string;
    category: string;
    text: string;
    status: DemandStatus;
    photos: string[];
    createdAt: string;
  }[];
  /** Demands I resolved, with the resolution I wrote (what the household asked is theirs, not mine). */
  demandsResolved: { id: string; communityId: string; category: string; resolution: string | null }[];
  /**
   * Visits I recorded, with what I wrote. The household's own facts (its phone, residents, flags) belong to
   * the household and stay out of my copy.
   */
  visitsRecorded: {
    id: string;
    communityId: string;
    household: string;
    visitedAt: string;
    notes: string | null;
  }[];
  contactGroups: { groupId: string; communityId: string; name: string; leader: boolean; status: string }[];
  resources: {
    id: string;
    communityId: string;
    kind: string;
    title: string;
    description: string | null;
    active: boolean;
  }[];
  /** 三单 projects I took (党员接单, or dispatched to me). */
  serviceProjectsTaken: {
    id: string;
    communityId: string;
    title: string;
    status: string;
    createdAt: string;
  }[];
  ratingsOfMe: { communityId: string; year: number; level: string; grade: string; comment: string | null }[];
  redemptions: {
    id: string;
    communityId: string;
    rewardName: string;
    quantity: number;
    total: number;
    status: RedemptionStatus;
    /** Why it was cancelled: my words, or the secretary's when they cancelled it. */
    cancelReason: string | null;
    createdAt: string;
  }[];
  /** My uploaded photos and recordings (with their `seconds`), as links valid for 24 hours. */
  uploads: {
    id: string;
    contentType: string;
    size: number;
    seconds: number | null;
    createdAt: string;
    url: string;
  }[];
  /**
   * 家人代办: the family members who act for me (`family`) and the residents I act for (`residents`), ended
   * links too. The other person appears by their masked name, as 我的家人 shows them; link codes never.
   */
  familyLinks: { family: MyFamilyLinkRecord[]; residents: MyFamilyLinkRecord[] };
  notifications: { title: string; body: string; read: boolean; createdAt: string }[];
}

/** How a family link ended: removed by one of the two, or one of them left, was removed or deleted the account. */
export type FamilyLinkEnd = 'removed' | 'left' | 'member_removed' | 'deleted';

/** One family link in 导出我的数据. */
export interface MyFamilyLinkRecord {
  communityId: string;
  communityName: string;
  /** The other person, masked (张*丰). */
  name: string;
  linkedAt: string;
  active: boolean;
  endedAt: string | null;
  endReason: FamilyLinkEnd | null;
}
