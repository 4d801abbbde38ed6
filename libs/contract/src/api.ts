import { MembershipStatus, Role } from './roles';

/** Request and response bodies of the HTTP contract (DESIGN §7). Ids are strings, times ISO 8601 with offset. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `?cursor=&limit=`: lists are paged by the id of the last item seen (ids are time-ordered). */
export interface PageRequest {
  cursor?: string;
  limit?: number;
}

/** The cursor's length and the page sizes a list takes (`limit` of the household list goes to 500). */
export const PAGE_LIMITS = {
  cursor: { max: 64 },
  limit: { min: 1, max: 100 },
  householdLimit: { min: 1, max: 500 },
} as const;

export interface MembersQuery extends PageRequest {
  /** 按姓名或昵称查找. */
  q?: string;
  status?: MembershipStatus;
}

export interface HouseholdsQuery extends PageRequest {
  buildingId?: string;
}

export interface MarkReadRequest {
  /** Left out: every notice is marked read. */
  ids?: string[];
}

export interface UserSummary {
  id: string;
  nickname: string;
}

export interface AuthResponse {
  token: string;
  user: UserSummary;
}

export interface WechatLoginRequest {
  code: string;
}

export interface DevLoginRequest {
  openid: string;
  nickname?: string;
}

export interface DemoUser {
  openid: string;
  nickname: string;
  description: string;
}

export interface AuthOptions {
  wechat: boolean;
  devLogin: boolean;
  demoUsers: DemoUser[];
}

export interface PrivacyNotice {
  version: string;
  title: string;
  body: string;
}

export interface PrivacyConsentRequest {
  version: string;
}

export interface CompoundRef {
  id: string;
  name: string;
}

export interface MembershipView {
  communityId: string;
  communityName: string;
  status: MembershipStatus;
  /** The roles granted, as set by a secretary; what they imply is in `@redvest/domain`. */
  roles: Role[];
  /** The compounds in which the member is branch secretary. */
  branchCompounds: CompoundRef[];
  realName?: string;
  employer?: string;
  compound?: CompoundRef;
}

export interface MeResponse {
  id: string;
  nickname: string;
  isPlatformAdmin: boolean;
  privacy: { agreedVersion: string | null; currentVersion: string };
  settings: UserSettings;
  memberships: MembershipView[];
}

/** A person's own settings, kept on the server so they follow them to another phone. */
export interface UserSettings {
  /** 长辈模式: larger type, larger tap targets, higher contrast, on every page. */
  elderlyMode: boolean;
  /** They answered the offer of 长辈模式 or switched it themselves: it is not offered again. */
  elderlyModeChosen: boolean;
}

export interface UpdateSettingsRequest {
  elderlyMode: boolean;
}

export interface CreateCommunityRequest {
  name: string;
  street?: string;
}

export interface CommunityView {
  id: string;
  name: string;
  street?: string;
  /** Only for the community's secretaries. */
  inviteCode?: string;
}

export interface InviteLookup {
  communityId: string;
  communityName: string;
  compounds: CompoundRef[];
}

export interface JoinRequest {
  inviteCode: string;
  realName: string;
  phone: string;
  compoundId?: string;
  householdId?: string;
}

export interface SetMemberRequest {
  userId: string;
  roles: Role[];
  employer?: string;
  compoundId?: string;
}

/** 邀请: adding someone who never asked to join takes their acceptance. */
export type InviteMemberRequest = SetMemberRequest;

/**
 * `cancelled`: withdrawn by the community before an answer; `closed`: overtaken before an answer (the person
 * joined with the invite code, was verified, left or was removed), so it can no longer be accepted.
 */
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'closed';

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: '待回复',
  accepted: '已同意',
  declined: '已拒绝',
  cancelled: '已撤销',
  closed: '已失效',
};

export interface InvitationView {
  id: string;
  /** The person invited (they gave it to the secretary; their nickname is not shown before they accept). */
  userId: string;
  communityId: string;
  communityName: string;
  /** The roles the member will have on accepting (resident always included). */
  roles: Role[];
  employer: string | null;
  compound: CompoundRef | null;
  /** The secretary or platform admin who sent it, by the name they are known by. */
  invitedBy: string;
  status: InvitationStatus;
  createdAt: string;
  /** When it was answered, cancelled or closed. */
  answeredAt: string | null;
}

/** 移除成员: a secretary ends someone's membership, saying why (the person is told). */
export interface RemoveMemberRequest {
  reason: string;
}

/** What ending a membership (退出社区, 移除成员, 注销账号) did to the open things of that community. */
export interface MembershipEnded {
  communityId: string;
  endedAt: string;
  /** Claims of wishes given back to the board. */
  claimsReleased: number;
  /** The person's own wishes not yet fulfilled, cancelled. */
  wishesCancelled: number;
  /** Orders not yet picked up, cancelled with their points refunded through the ledger. */
  redemptionsRefunded: number;
  /** Contact groups left (a group whose leader left gets another leader, an empty one is dissolved). */
  groupsLeft: number;
}

export interface MemberView {
  userId: string;
  nickname: string;
  realName: string | null;
  /** Masked (138****1234) unless the caller may see it in full. */
  phone: string | null;
  status: MembershipStatus;
  roles: Role[];
  branchCompounds: CompoundRef[];
  employer: string | null;
  compound: CompoundRef | null;
  joinedAt: string;
}

export interface EmployerView {
  id: string;
  name: string;
  memberCount: number;
}

export interface BuildingView {
  id: string;
  compoundId: string;
  compound: string;
  name: string;
  householdCount: number;
  floors: number[];
}

export interface HouseholdView {
  id: string;
  compoundId: string;
  buildingId: string;
  building: string;
  unit: string;
  floor: number;
  room: string;
}

export interface UpdateBuildingRequest {
  name: string;
}

export interface UpdateHouseholdRequest {
  unit?: string;
  floor?: number;
  room?: string;
}

export interface ImportRowError {
  row: number;
  message: string;
}

export interface ImportResult {
  imported: number;
  /** Rows that matched a household already there, left as they were. */
  skipped: number;
  errors: ImportRowError[];
}

export interface HealthView {
  status: 'ok' | 'degraded';
  database: 'ok' | 'down';
}
