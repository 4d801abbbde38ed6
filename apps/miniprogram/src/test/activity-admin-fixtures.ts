import {
  ActivityView,
  AttendeeView,
  CorrectionView,
  MembershipStatus,
  MemberView,
  Role,
} from '@redvest/contract';

/** Data for the secretaries' activity pages: an activity of 襄阳街社区 running on 23 November 2026. */
export function adminActivityFixture(overrides: Partial<ActivityView> = {}): ActivityView {
  return {
    id: 'a1',
    communityId: 'c1',
    number: 7,
    title: '小区环境整治志愿服务',
    category: '环境整治',
    place: '襄阳街社区党群服务中心',
    description: '请穿红马甲，带好手套',
    startAt: '2026-11-23T09:00:00.000+08:00',
    endAt: '2026-11-23T11:30:00.000+08:00',
    capacity: 30,
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
    ...overrides,
  };
}

export function attendeeFixture(overrides: Partial<AttendeeView> = {}): AttendeeView {
  return {
    id: 't1',
    activityId: 'a1',
    activityTitle: '小区环境整治志愿服务',
    userId: 'u1',
    name: '赵志远',
    phone: '138****1234',
    checkedInAt: '2026-11-23T09:05:00.000+08:00',
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

export function memberFixture(overrides: Partial<MemberView> = {}): MemberView {
  return {
    userId: 'u5',
    nickname: '老周',
    realName: '周桂兰',
    phone: '139****5678',
    status: MembershipStatus.Active,
    roles: [Role.Resident, Role.Volunteer],
    compound: null,
    branchCompounds: [],
    employer: null,
    joinedAt: '2026-03-01T10:00:00.000+08:00',
    ...overrides,
  };
}

export function correctionFixture(overrides: Partial<CorrectionView> = {}): CorrectionView {
  return {
    id: 'k1',
    attendanceId: 't1',
    activityTitle: '小区环境整治志愿服务',
    userId: 'u1',
    userName: '赵志远',
    recordedMinutes: 60,
    requestedMinutes: 150,
    reason: '签退时手机没电，实际服务到 11 点半',
    status: 'pending',
    decisionReason: null,
    decidedAt: null,
    createdAt: '2026-11-23T12:00:00.000+08:00',
    ...overrides,
  };
}
