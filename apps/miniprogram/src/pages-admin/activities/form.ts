import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_LIMITS,
  ACTIVITY_MAX_DAYS,
  ACTIVITY_RANGES,
  ActivityCategory,
  ActivityView,
  CreateActivityRequest,
  FieldError,
  NumberRange,
  PointsRuleKind,
  UpdateActivityRequest,
} from '@redvest/contract';
import { activityTimesProblem, charCount } from '@redvest/domain';
import { checkText } from '../../services/text-errors';
import { addDays, chinaDateTime, chinaInstant, chinaIso } from './time';

export const MAX_TITLE = ACTIVITY_LIMITS.title.max;
export const MAX_PLACE = ACTIVITY_LIMITS.place.max;
export const MAX_DESCRIPTION = ACTIVITY_LIMITS.description.max;
export const MIN_RADIUS = ACTIVITY_RANGES.radiusM.min;
export const MAX_RADIUS = ACTIVITY_RANGES.radiusM.max;
export const DEFAULT_RADIUS = '300';

/** A character that cannot be stored or shown (pasted from elsewhere). */

export interface ActivityForm {
  title: string;
  category: ActivityCategory | '';
  place: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  pointsKind: PointsRuleKind;
  points: string;
  capacity: string;
  enrolmentRequired: boolean;
  autoApprove: boolean;
  /** 定位签到: check-ins must come from within `radiusM` of the point. */
  located: boolean;
  latitude: string;
  longitude: string;
  radiusM: string;
  description: string;
}

export type ActivityField =
  | 'title'
  | 'category'
  | 'place'
  | 'start'
  | 'end'
  | 'points'
  | 'capacity'
  | 'latitude'
  | 'longitude'
  | 'radiusM'
  | 'description';

export type ActivityErrors = Partial<Record<ActivityField, string>>;

/** A new activity starts as tomorrow 09:00–11:00 (China time), 10 points per attendance. */
export function emptyForm(now = new Date()): ActivityForm {
  const tomorrow = addDays(chinaDateTime(now).date, 1);
  return {
    title: '',
    category: '',
    place: '',
    startDate: tomorrow,
    startTime: '09:00',
    endDate: tomorrow,
    endTime: '11:00',
    pointsKind: 'per_attendance',
    points: '10',
    capacity: '',
    enrolmentRequired: false,
    autoApprove: false,
    located: false,
    latitude: '',
    longitude: '',
    radiusM: DEFAULT_RADIUS,
    description: '',
  };
}

export function formOf(activity: ActivityView): ActivityForm {
  const start = chinaDateTime(activity.startAt);
  const end = chinaDateTime(activity.endAt);
  const located = activity.latitude !== null && activity.longitude !== null && activity.radiusM !== null;
  return {
    title: activity.title,
    category: activity.category,
    place: activity.place,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    pointsKind: activity.pointsRule.kind,
    points: String(activity.pointsRule.points),
    capacity: activity.capacity === null ? '' : String(activity.capacity),
    enrolmentRequired: activity.enrolmentRequired,
    autoApprove: activity.autoApprove,
    located,
    latitude: located ? String(activity.latitude) : '',
    longitude: located ? String(activity.longitude) : '',
    radiusM: located ? String(activity.radiusM) : DEFAULT_RADIUS,
    description: activity.description ?? '',
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

const outside = (n: number, range: NumberRange) => n < range.min || n > range.max;

function decimal(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

/** Checks the form as the server will, so a mistake shows beside its field before anything is sent. */
export function validateActivity(form: ActivityForm): {
  errors: ActivityErrors;
  request?: CreateActivityRequest;
} {
  const errors: ActivityErrors = {};
  const title = form.title.trim();
  const place = form.place.trim();
  const description = form.description.trim();

  checkText(errors, 'title', title, ACTIVITY_LIMITS.title, {
    blank: '请填写活动名称',
    tooLong: (max) => `活动名称最多 ${max} 个字`,
  });
  if (!form.category) errors.category = '请选择活动类别';
  else if (!ACTIVITY_CATEGORIES.includes(form.category)) errors.category = '请从列表中选择类别';
  checkText(errors, 'place', place, ACTIVITY_LIMITS.place, {
    blank: '请填写活动地点',
    tooLong: (max) => `活动地点最多 ${max} 个字`,
  });

  const start = chinaInstant(form.startDate, form.startTime);
  const end = chinaInstant(form.endDate, form.endTime);
  if (Number.isNaN(start)) errors.start = '请选择开始日期和时间';
  if (Number.isNaN(end)) errors.end = '请选择结束日期和时间';
  else if (!Number.isNaN(start)) {
    const problem = activityTimesProblem(new Date(start), new Date(end));
    if (problem === 'ends_first') errors.end = '结束时间应晚于开始时间';
    else if (problem === 'too_long') errors.end = `一次活动最长 ${ACTIVITY_MAX_DAYS} 天`;
  }

  const points = wholeNumber(form.points);
  if (!form.points.trim()) errors.points = '请填写积分';
  else if (points === null || outside(points, ACTIVITY_RANGES.points)) {
    const { min, max } = ACTIVITY_RANGES.points;
    errors.points = `积分应为 ${min} 到 ${max} 之间的整数`;
  }

  const capacity = form.capacity.trim() ? wholeNumber(form.capacity) : undefined;
  if (capacity === null || (capacity !== undefined && outside(capacity, ACTIVITY_RANGES.capacity))) {
    const { min, max } = ACTIVITY_RANGES.capacity;
    errors.capacity = `人数上限应为 ${min} 到 ${max} 之间的整数，不限人数请留空`;
  }

  let location: Pick<CreateActivityRequest, 'latitude' | 'longitude' | 'radiusM'> = {};
  if (form.located) {
    const latitude = decimal(form.latitude);
    const longitude = decimal(form.longitude);
    const radiusM = wholeNumber(form.radiusM);
    if (!form.latitude.trim()) errors.latitude = '请选择签到地点';
    else if (latitude === null || latitude < -90 || latitude > 90)
      errors.latitude = '纬度应在 -90 到 90 之间';
    if (!form.longitude.trim()) errors.longitude = '请选择签到地点';
    else if (longitude === null || longitude < -180 || longitude > 180) {
      errors.longitude = '经度应在 -180 到 180 之间';
    }
    if (radiusM === null || outside(radiusM, ACTIVITY_RANGES.radiusM)) {
      errors.radiusM = `签到范围应为 ${MIN_RADIUS} 到 ${MAX_RADIUS} 米之间的整数`;
    }
    if (latitude !== null && longitude !== null && radiusM !== null)
      location = { latitude, longitude, radiusM };
  }

  checkText(errors, 'description', description, ACTIVITY_LIMITS.description, {
    tooLong: (max) => `活动说明最多 ${max} 个字`,
  });
  if (Object.keys(errors).length) return { errors };

  return {
    errors,
    request: {
      title,
      category: form.category as ActivityCategory,
      place,
      startAt: chinaIso(form.startDate, form.startTime),
      endAt: chinaIso(form.endDate, form.endTime),
      ...(typeof capacity === 'number' ? { capacity } : {}),
      ...location,
      pointsRule: { kind: form.pointsKind, points: points! },
      autoApprove: form.autoApprove,
      enrolmentRequired: form.enrolmentRequired,
      ...(description ? { description } : {}),
    },
  };
}

/**
 * The changes to send for an edit: every field, and what the secretary emptied as such (no description, no
 * limit, no location) so the server clears it instead of keeping the old value. The server reads `null` as
 * "clear"; the contract's request type has no null yet, hence the cast.
 */
export function updateOf(request: CreateActivityRequest, original: ActivityView): UpdateActivityRequest {
  const cleared: Record<string, null> = {};
  if (request.capacity === undefined && original.capacity !== null) cleared.capacity = null;
  if (request.latitude === undefined && original.latitude !== null) {
    Object.assign(cleared, { latitude: null, longitude: null, radiusM: null });
  }
  return {
    ...request,
    description: request.description ?? '',
    ...cleared,
  } as UpdateActivityRequest;
}

/** Where the server's field names (`pointsRule.points`, `startAt`…) show in the form. */
const SERVER_FIELDS: Record<string, ActivityField> = {
  title: 'title',
  category: 'category',
  place: 'place',
  startAt: 'start',
  endAt: 'end',
  pointsRule: 'points',
  'pointsRule.points': 'points',
  'pointsRule.kind': 'points',
  capacity: 'capacity',
  latitude: 'latitude',
  longitude: 'longitude',
  radiusM: 'radiusM',
  description: 'description',
};

/** Names for the server's short, generic messages (`太长了`), so they read on their own under a field. */
const FIELD_NAMES: Record<ActivityField, string> = {
  title: '活动名称',
  category: '活动类别',
  place: '活动地点',
  start: '开始时间',
  end: '结束时间',
  points: '积分',
  capacity: '人数上限',
  latitude: '纬度',
  longitude: '经度',
  radiusM: '签到范围',
  description: '活动说明',
};

/** A VALIDATION_FAILED answer's details as errors under the fields; what fits no field is returned apart. */
export function serverFieldErrors(details: unknown): { errors: ActivityErrors; other: string[] } {
  const errors: ActivityErrors = {};
  const other: string[] = [];
  if (!Array.isArray(details)) return { errors, other };
  for (const item of details as Partial<FieldError>[]) {
    if (!item || typeof item.message !== 'string') continue;
    const field = typeof item.field === 'string' ? SERVER_FIELDS[item.field] : undefined;
    if (!field) {
      other.push(item.message);
      continue;
    }
    const generic = charCount(item.message) <= 10 && !item.message.includes(FIELD_NAMES[field]);
    if (!errors[field]) errors[field] = generic ? `${FIELD_NAMES[field]}${item.message}` : item.message;
  }
  return { errors, other };
}
