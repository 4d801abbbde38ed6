import type { AttendanceFacts, CheckinActivity, CheckinSettings } from '@redvest/domain';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { Community } from '../communities/community.entity';

/** The rows as the check-in rules (libs/domain/src/checkin) see them. */
export function checkinActivity(activity: Activity, community: Community): CheckinActivity {
  return {
    title: activity.title,
    startAt: activity.startAt,
    endAt: activity.endAt,
    graceMinutes: community.checkinGraceMinutes,
    cancelled: Boolean(activity.cancelledAt),
    latitude: activity.latitude,
    longitude: activity.longitude,
    radiusM: activity.radiusM,
    enrolmentRequired: Boolean(activity.enrolmentRequired),
    autoApprove: Boolean(activity.autoApprove),
    pointsRule: { kind: activity.pointsKind, points: activity.points },
  };
}

export function checkinSettings(community: Community): CheckinSettings {
  return { repeatScanMinutes: community.repeatScanMinutes, unclosedPolicy: community.unclosedPolicy };
}

export function attendanceFacts(attendance: Attendance): AttendanceFacts {
  return {
    status: attendance.status,
    checkedInAt: attendance.checkedInAt,
    offline: Boolean(attendance.offline),
    proxyBy: attendance.proxyBy,
  };
}
