import { MembershipStatus, Role } from './roles';

/** Request and response bodies of the HTTP contract (DESIGN §7). Ids are strings, times ISO 8601 with offset. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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
  memberships: MembershipView[];
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
