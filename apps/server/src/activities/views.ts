import { ActivityView, AttendanceView, toIsoLocal } from '@redvest/contract';
import { activityPhase } from '@redvest/domain';
import { Activity } from './activity.entity';
import { Attendance } from './attendance.entity';

export function activityView(
  activity: Activity,
  enrolledCount: number,
  me?: ActivityView['me'],
): ActivityView {
  return {
    id: activity.id,
    communityId: activity.communityId,
    number: activity.number,
    title: activity.title,
    category: activity.category,
    place: activity.place,
    description: activity.description,
    startAt: toIsoLocal(activity.startAt),
    endAt: toIsoLocal(activity.endAt),
    capacity: activity.capacity,
    attendeeCount: activity.attendeeCount,
    enrolledCount,
    latitude: activity.latitude,
    longitude: activity.longitude,
    radiusM: activity.radiusM,
    pointsRule: { kind: activity.pointsKind, points: activity.points },
    autoApprove: Boolean(activity.autoApprove),
    enrolmentRequired: Boolean(activity.enrolmentRequired),
    phase: activityPhase({ ...activity, cancelled: Boolean(activity.cancelledAt) }, new Date()),
    cancelReason: activity.cancelReason,
    ...(me ? { me } : {}),
  };
}

export function attendanceView(a: Attendance, activityTitle: string, pointsPending = false): AttendanceView {
  return {
    id: a.id,
    activityId: a.activityId,
    activityTitle,
    userId: a.userId,
    checkedInAt: toIsoLocal(a.checkedInAt),
    checkedOutAt: a.checkedOutAt ? toIsoLocal(a.checkedOutAt) : null,
    minutes: a.minutes,
    status: a.status,
    offline: Boolean(a.offline),
    proxyBy: a.proxyBy,
    points: a.points,
    pointsPending,
  };
}
