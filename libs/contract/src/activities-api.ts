import type { PageRequest } from './api';
import { ActivityCategory } from './categories';
import { NumberRange, TextLimit } from './limits';

/** Volunteer activities and QR check-in (DESIGN §3, §7). */

/** The texts of an activity and of its cancellation. */
export const ACTIVITY_LIMITS = {
  title: { max: 60, required: true },
  place: { max: 100, required: true },
  description: { max: 500, multiline: true },
  cancelReason: { max: 100, required: true, multiline: true },
} as const satisfies Record<string, TextLimit>;

/** The numbers of an activity: points per attendance or hour, the capacity, the check-in radius in metres. */
export const ACTIVITY_RANGES = {
  points: { min: 0, max: 1000 },
  capacity: { min: 1, max: 100_000 },
  radiusM: { min: 20, max: 10_000 },
} as const satisfies Record<string, NumberRange>;

/** The longest an activity may last, from its start to its end. */
export const ACTIVITY_MAX_DAYS = 7;

export type PointsRuleKind = 'per_attendance' | 'per_hour';

export interface PointsRule {
  kind: PointsRuleKind;
  /** Points per attendance, or per full hour served. */
  points: number;
}

export interface CreateActivityRequest {
  title: string;
  category: ActivityCategory;
  place: string;
  startAt: string;
  endAt: string;
  capacity?: number;
  /** GCJ-02, as wx.getLocation({type: 'gcj02'}) gives. */
  latitude?: number;
  longitude?: number;
  radiusM?: number;
  pointsRule: PointsRule;
  autoApprove?: boolean;
  /** 报名: only enrolled members may check in. */
  enrolmentRequired?: boolean;
  description?: string;
}

/** An edit: send only what changes; `null` clears the capacity or the location. */
export type UpdateActivityRequest = Partial<
  Omit<CreateActivityRequest, 'capacity' | 'latitude' | 'longitude' | 'radiusM'>
> & {
  capacity?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  radiusM?: number | null;
};

export interface CancelActivityRequest {
  reason: string;
}

/** Which activities a list shows: not started, running now, or ended or cancelled. */
export type ActivityWhen = 'upcoming' | 'running' | 'past';

export interface ActivityListQuery extends PageRequest {
  when?: ActivityWhen;
  category?: ActivityCategory;
}

export type ActivityPhase = 'upcoming' | 'running' | 'past' | 'cancelled';

export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '即将开始',
  running: '进行中',
  past: '已结束',
  cancelled: '已取消',
};

export interface ActivityView {
  id: string;
  communityId: string;
  /** The activity's small number within the deployment; it is what the check-in codes carry. */
  number: number;
  title: string;
  category: ActivityCategory;
  place: string;
  description: string | null;
  startAt: string;
  endAt: string;
  capacity: number | null;
  attendeeCount: number;
  enrolledCount: number;
  latitude: number | null;
  longitude: number | null;
  radiusM: number | null;
  pointsRule: PointsRule;
  autoApprove: boolean;
  enrolmentRequired: boolean;
  phase: ActivityPhase;
  cancelReason: string | null;
  /** For the caller: enrolled, and their attendance if any. */
  me?: { enrolled: boolean; attendance: AttendanceView | null };
}

export type CodeKind = 'rotating' | 'poster';

export interface CheckinCodeQuery {
  kind?: CodeKind;
}

export interface CheckinCode {
  token: string;
  kind: CodeKind;
  /** When this code stops being accepted (a rotating code is also accepted one window after it changes). */
  expiresAt: string;
  /** Seconds until the next code, for rotating codes. */
  refreshInSeconds: number | null;
}

export type AttendanceStatus = 'open' | 'closed' | 'unclosed';

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  open: '已签到',
  closed: '已签退',
  unclosed: '未签退',
};

export interface AttendanceView {
  id: string;
  activityId: string;
  activityTitle: string;
  userId: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  minutes: number | null;
  status: AttendanceStatus;
  offline: boolean;
  /** Set when an organiser checked the person in (代签到). */
  proxyBy: string | null;
  /** Points awarded for it, and whether they are still waiting for approval. */
  points: number | null;
  pointsPending: boolean;
}

export interface CheckinRequest {
  token: string;
  intent?: 'auto' | 'check_out';
  /** When the code was scanned, for scans sent later from the offline queue. */
  scannedAt?: string;
  latitude?: number;
  longitude?: number;
}

export type CheckinAction = 'checked_in' | 'already_checked_in' | 'checked_out';

export interface CheckinResponse {
  attendance: AttendanceView;
  action: CheckinAction;
  activity: { id: string; title: string; place: string; endAt: string };
}

export interface AttendeeView extends AttendanceView {
  name: string;
  /** Masked: 138****1234. */
  phone: string | null;
}

export interface ProxyCheckinRequest {
  userId: string;
  action: 'check_in' | 'check_out';
}

export type CorrectionStatus = 'pending' | 'accepted' | 'refused';

export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = {
  pending: '待处理',
  accepted: '已更正',
  refused: '未更正',
};

export interface CorrectionRequest {
  /** The minutes the volunteer says they served. */
  minutes: number;
  reason: string;
}

/** The reason a secretary gives for accepting or refusing a correction. */
export interface CorrectionDecisionRequest {
  reason: string;
}

export interface CorrectionsQuery extends PageRequest {
  status?: CorrectionStatus;
}

export interface CorrectionView {
  id: string;
  attendanceId: string;
  activityTitle: string;
  userId: string;
  userName: string;
  recordedMinutes: number;
  requestedMinutes: number;
  reason: string;
  status: CorrectionStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface CertificateRequest {
  communityId: string;
  /** YYYY-MM-DD, in the product's clock zone. */
  from: string;
  to: string;
}

export interface CertificateView {
  code: string;
  communityName: string;
  /** Masked for anyone checking a code; in full in the PDF. */
  holderName: string;
  from: string;
  to: string;
  activityCount: number;
  totalMinutes: number;
  issuedAt: string;
  /** Where the holder downloads the PDF (with their login). */
  pdfUrl: string;
}
