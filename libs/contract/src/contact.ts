import { HouseholdFlag } from './categories';

/** Household contact (包干到户, DESIGN §6). */

export interface CreateContactGroupRequest {
  name: string;
  memberIds: string[];
  leaderId: string;
  compoundId?: string;
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
  demands?: { category: string; text: string }[];
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
  group: { id: string; name: string } | null;
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

export type DemandStatus = 'reported' | 'accepted' | 'in_progress' | 'resolved' | 'rejected';

export const DEMAND_STATUS_LABELS: Record<DemandStatus, string> = {
  reported: '已上报',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  rejected: '不予受理',
};

export type DemandAction = 'accept' | 'start' | 'resolve' | 'reject' | 'assign';

export interface DemandView {
  id: string;
  communityId: string;
  compound: string | null;
  householdLabel: string | null;
  category: string;
  text: string;
  status: DemandStatus;
  statusLabel: string;
  raisedBy: string;
  raisedByName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  rejectReason: string | null;
  resolution: string | null;
  wishId: string | null;
  createdAt: string;
  actions: DemandAction[];
}

export interface RaiseDemandRequest {
  category: string;
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
