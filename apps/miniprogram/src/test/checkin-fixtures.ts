import { ActivityView, AttendanceView, CheckinCode, CheckinResponse } from '@redvest/contract';

/** Data for the volunteers' check-in pages: 小区环境整治志愿服务, running on 23 November 2026. */
export const TOKEN = 'AQAAAAcAAAAAAD8xWmRjZTQ5Ym4x';

export function attendanceFixture(overrides: Partial<AttendanceView> = {}): AttendanceView {
  return {
    id: 'at1',
    activityId: 'a1',
    activityTitle: '小区环境整治志愿服务',
    userId: 'u1',
    checkedInAt: '2026-11-23T17:10:00.000+08:00',
    checkedOutAt: null,
    minutes: null,
    status: 'open',
    offline: false,
    proxyBy: null,
    points: null,
    pointsPending: false,
    ...overrides,
  };
}

export function checkinFixture(
  action: CheckinResponse['action'] = 'checked_in',
  attendance: Partial<AttendanceView> = {},
): CheckinResponse {
  return {
    action,
    attendance: attendanceFixture(attendance),
    activity: {
      id: 'a1',
      title: '小区环境整治志愿服务',
      place: '阳光里小区中心花园',
      endAt: '2026-11-23T20:00:00.000+08:00',
    },
  };
}

/** The answer to 签退 80 minutes after 17:10: 10 points waiting for approval. */
export function checkedOutFixture(): CheckinResponse {
  return checkinFixture('checked_out', {
    checkedOutAt: '2026-11-23T18:30:00.000+08:00',
    minutes: 80,
    status: 'closed',
    points: 10,
    pointsPending: true,
  });
}

export function activityFixture(overrides: Partial<ActivityView> = {}): ActivityView {
  return {
    id: 'a1',
    communityId: 'c1',
    number: 7,
    title: '小区环境整治志愿服务',
    category: '环境整治',
    place: '阳光里小区中心花园',
    description: '清理绿化带垃圾、整理楼道杂物。',
    startAt: '2026-11-23T16:00:00.000+08:00',
    endAt: '2026-11-23T20:00:00.000+08:00',
    capacity: 50,
    attendeeCount: 3,
    enrolledCount: 0,
    latitude: null,
    longitude: null,
    radiusM: null,
    pointsRule: { kind: 'per_attendance', points: 10 },
    autoApprove: false,
    enrolmentRequired: false,
    phase: 'running',
    cancelReason: null,
    me: { enrolled: false, attendance: null },
    ...overrides,
  };
}

export function codeFixture(token: string, refreshInSeconds = 30): CheckinCode {
  return {
    token,
    kind: 'rotating',
    expiresAt: new Date(Date.now() + (refreshInSeconds + 30) * 1000).toISOString(),
    refreshInSeconds,
  };
}
