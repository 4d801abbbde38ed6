import { PageRequest } from './api';
import { HouseholdFlag } from './categories';
import { TextLimit } from './limits';

/** Household contact (包干到户, DESIGN §6). */

/** What residents ask for (群众诉求), as a visit or a resident reports it. */
export const DEMAND_CATEGORIES = [
  '养老服务',
  '医疗健康',
  '就业帮扶',
  '住房维修',
  '环境卫生',
  '邻里纠纷',
  '政策咨询',
  '其他',
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

/** The texts of the contact area: groups, visits, demands, 三单 and the year's ratings. */
export const CONTACT_LIMITS = {
  groupName: { max: 40, required: true },
  visitNotes: { max: 1000, multiline: true },
  demandText: { max: 500, required: true, multiline: true },
  /** Why the branch does not take a demand (不予受理). */
  rejectReason: { max: 200, multiline: true },
  /** How a demand was resolved (办结). */
  resolution: { max: 500, multiline: true },
  resourceTitle: { max: 60, required: true },
  resourceDescription: { max: 300, multiline: true },
  projectTitle: { max: 60, required: true },
  projectDescription: { max: 500, multiline: true },
  ratingComment: { max: 200, multiline: true },
} as const satisfies Record<string, TextLimit>;

/** How many residents a visit may record living in a household. */
export const VISIT_RESIDENTS_RANGE = { min: 0, max: 30 } as const;

export interface CreateContactGroupRequest {
  name: string;
  memberIds: string[];
  leaderId: string;
  compoundId?: string;
}

/** 包户设置 of a community: how many members a group may have, and after how many days unvisited is overdue. */
export interface ContactSettings {
  contactGroupSize: number;
  visitOverdueDays: number;
}

export const CONTACT_GROUP_SIZE_RANGE = { min: 1, max: 10 } as const;
export const VISIT_OVERDUE_DAYS_RANGE = { min: 7, max: 365 } as const;

/** 包户设置: either setting, or both. */
export type UpdateContactSettingsRequest = Partial<ContactSettings>;

/** 修改小组: any field left out stays as it is; the leader must be one of the members. */
export interface UpdateContactGroupRequest {
  name?: string;
  memberIds?: string[];
  leaderId?: string;
  /** `null` takes the group off any compound. */
  compoundId?: string | null;
}

export interface ContactGroupView {
  id: string;
  communityId: string;
  name: string;
  compoundId: string | null;
  compound: string | null;
  leaderId: string;
  members: { userId: string; name: string }[];
  status: 'active' | 'dissolved';
  householdCount: number;
}

export interface AssignHouseholdsRequest {
  buildingId?: string;
  unit?: string;
  floorFrom?: number;
  floorTo?: number;
  householdIds?: string[];
  /** Take households from the group that has them now (the history keeps the old assignment). */
  reassign?: boolean;
}

export interface AssignmentResult {
  assigned: number;
  /** Households that were another group's and were taken over (`reassign`). */
  reassigned: number;
}

/** 收回: the households leave the group (the history keeps the assignment); they can then go to another group. */
export interface ReleaseHouseholdsRequest {
  householdIds: string[];
}

export interface ReleaseResult {
  released: number;
}

/** One building's households by floor, each with the group it is assigned to (包户管理's floor map). */
export interface BuildingAssignments {
  buildingId: string;
  building: string;
  compound: string | null;
  households: {
    id: string;
    label: string;
    unit: string;
    floor: number;
    room: string;
    groupId: string | null;
    groupName: string | null;
  }[];
}

export interface AssignmentConflict {
  householdId: string;
  label: string;
  groupId: string;
  groupName: string;
}

export interface VisitRequest {
  visitedAt: string;
  visitorIds?: string[];
  residents?: number;
  rented?: boolean;
  moveInDate?: string;
  phone?: string;
  flags?: HouseholdFlag[];
  notes?: string;
  demands?: VisitDemandRequest[];
}

/** A demand heard at the door, raised with the visit. */
export interface VisitDemandRequest {
  category: DemandCategory;
  text: string;
  photoIds?: string[];
}

export const HOUSEHOLD_FLAG_LABELS: Record<HouseholdFlag, string> = {
  elderly_alone: '独居老人',
  disability: '残疾人',
  low_income: '低保/低收入',
  left_behind_children: '留守儿童',
  pension_certification: '需协助养老认证',
};

export interface VisitView {
  id: string;
  householdId: string;
  visitedAt: string;
  visitors: string[];
  residents: number | null;
  rented: boolean | null;
  moveInDate: string | null;
  /** Masked unless the caller is a secretary or in the assigned group. */
  phone: string | null;
  flags: HouseholdFlag[];
  notes: string | null;
  recordedBy: string;
  demandIds: string[];
}

export interface HouseholdCard {
  id: string;
  label: string;
  buildingId: string;
  unit: string;
  floor: number;
  room: string;
  /** The assigned group, with its members (the visit form offers them as 同行走访). */
  group: { id: string; name: string; members: { userId: string; name: string }[] } | null;
  lastVisit: VisitView | null;
  overdue: boolean;
  visits: VisitView[];
}

export interface MyHouseholdView {
  id: string;
  label: string;
  building: string;
  unit: string;
  floor: number;
  room: string;
  groupName: string;
  lastVisitedAt: string | null;
  overdue: boolean;
  flags: HouseholdFlag[];
}

/** 联系包户党员: the leader of the contact group the resident's registered household is assigned to. */
export interface MyContactMemberView {
  /** The resident has a household registered with the community (else: ask the community to register it). */
  hasHousehold: boolean;
  /** null: no group looks after the household. */
  member: {
    name: string;
    groupName: string;
    /** Only when the member chose to show it to their households; otherwise 请他联系我. */
    phone: string | null;
  } | null;
}

export interface CallMeResponse {
  /** When the member was told (the inbox and, when configured, a WeChat subscribe message). */
  askedAt: string;
}

/** A contact member's choice: their phone number shown to the households they look after, or not. */
export interface ContactPhoneChoiceRequest {
  showPhoneToHouseholds: boolean;
}

export const DEMAND_STATUSES = ['reported', 'accepted', 'in_progress', 'resolved', 'rejected'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const DEMAND_STATUS_LABELS: Record<DemandStatus, string> = {
  reported: '已上报',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  rejected: '不予受理',
};

export const DEMAND_ACTIONS = ['accept', 'start', 'resolve', 'reject', 'assign'] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];

export interface DemandView {
  id: string;
  communityId: string;
  compound: string | null;
  householdLabel: string | null;
  category: string;
  text: string;
  status: DemandStatus;
  statusLabel: string;
  /** User ids only for the branch that routes the demand (the compound's branch secretary, the secretary). */
  raisedBy: string | null;
  /** In full for the branch, the person who raised it and the member assigned to it; masked for anyone else. */
  raisedByName: string;
  assigneeId: string | null;
  /** In full for the branch and the assignee; masked for anyone else (the resident who raised it too). */
  assigneeName: string | null;
  rejectReason: string | null;
  resolution: string | null;
  wishId: string | null;
  /** Signed links: an <image> sends no token. */
  photos: { id: string; url: string }[];
  createdAt: string;
  actions: DemandAction[];
}

export interface RaiseDemandRequest {
  category: DemandCategory;
  text: string;
  householdId?: string;
  photoIds?: string[];
}

export interface DemandTransitionRequest {
  action: DemandAction;
  reason?: string;
  note?: string;
  assigneeId?: string;
}

/** The branch's queue, or (`mine`) the demands I raised or was given; newest first, a page at a time. */
export interface DemandsQuery extends PageRequest {
  status?: DemandStatus;
  mine?: 'raised' | 'assigned';
}

/** 走访覆盖 of a month, `2026-11`; this month when left out. */
export interface CoverageQuery {
  month?: string;
}

export interface CoverageRow {
  groupId: string;
  groupName: string;
  building: string;
  households: number;
  visited: number;
  overdue: number;
}

export interface CoverageResponse {
  month: string;
  overdueDays: number;
  rows: CoverageRow[];
}

/** 三级评价: the group leader, the compound's branch and the community each rate a member once a year. */
export type RatingLevel = 'group' | 'branch' | 'community';
export type RatingGrade = 'excellent' | 'good' | 'fair' | 'poor';

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  group: '小组评价',
  branch: '支部评价',
  community: '社区评价',
};
export const RATING_GRADE_LABELS: Record<RatingGrade, string> = {
  excellent: '优秀',
  good: '合格',
  fair: '基本合格',
  poor: '不合格',
};

/** The year of 年度评价 and of the annual report. */
export interface YearQuery {
  year: number;
}

export interface RateMemberRequest {
  year: number;
  level: RatingLevel;
  grade: RatingGrade;
  comment?: string;
}

/** A rating given, with who gave it. */
export interface GivenRating {
  grade: RatingGrade;
  comment: string | null;
}

/** 年度评价 for one rater: the members they may rate, at which levels, and the ratings already given. */
export interface EvaluationsResponse {
  year: number;
  items: {
    userId: string;
    name: string;
    employer: string | null;
    compound: string | null;
    /** The levels the caller may give this member (group leader: 小组; branch secretary: 支部; secretary: all). */
    levels: RatingLevel[];
    ratings: Partial<Record<RatingLevel, GivenRating>>;
  }[];
}

export interface AnnualMemberReport {
  userId: string;
  name: string;
  employer: string | null;
  activities: number;
  minutes: number;
  wishesFulfilled: number;
  visits: number;
  demandsResolved: number;
  pointsEarned: number;
  ratings: Partial<Record<RatingLevel, RatingGrade>>;
}

export interface AnnualReport {
  communityId: string;
  year: number;
  members: AnnualMemberReport[];
}

/** 三单: what members and units offer (资源单). */
export type ResourceKind3 = 'skill' | 'time' | 'money' | 'goods';

export const RESOURCE_KIND_LABELS: Record<ResourceKind3, string> = {
  skill: '技能',
  time: '时间',
  money: '资金',
  goods: '物资',
};

export interface OfferResourceRequest {
  kind: ResourceKind3;
  title: string;
  description?: string;
  /** Offered by the member's employer organisation rather than the member. */
  byEmployer?: boolean;
}

export interface ResourceView {
  id: string;
  kind: ResourceKind3;
  title: string;
  description: string | null;
  /** In full for the secretaries and branch secretaries (who set up projects) and the member who offers it; masked for others. */
  offeredBy: string;
  employer: string | null;
  createdAt: string;
}

/** 需求单: open demands grouped by category and compound. */
export interface DemandListRow {
  category: string;
  compound: string | null;
  open: number;
  resolved: number;
}

/** 项目单: a service project matching resources to demands, and who takes it. */
export type ServiceMode = 'resident_order' | 'community_dispatch' | 'member_take';

export const SERVICE_MODE_LABELS: Record<ServiceMode, string> = {
  resident_order: '群众点单',
  community_dispatch: '社区派单',
  member_take: '党员接单',
};

export interface CreateServiceProjectRequest {
  title: string;
  description?: string;
  mode: ServiceMode;
  demandId?: string;
  resourceId?: string;
  /** For 社区派单: the member it is given to. */
  takerId?: string;
}

export interface ServiceProjectView {
  id: string;
  title: string;
  description: string | null;
  mode: ServiceMode;
  modeLabel: string;
  demandId: string | null;
  /** What the demand it answers says, shortened. */
  demandText: string | null;
  resourceId: string | null;
  resourceTitle: string | null;
  /** Only for the secretaries and branch secretaries, who dispatch projects; null for everyone else. */
  takerId: string | null;
  /** In full for the secretaries, branch secretaries and the taker; masked for others. */
  takerName: string | null;
  /** The caller took it (and may mark it done). */
  takenByMe: boolean;
  status: 'open' | 'taken' | 'done';
  createdAt: string;
}
