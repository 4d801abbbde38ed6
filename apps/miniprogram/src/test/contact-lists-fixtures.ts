import {
  AnnualMemberReport,
  EvaluationsResponse,
  MemberView,
  MembershipStatus,
  ResourceView,
  Role,
  ServiceProjectView,
} from '@redvest/contract';

export function resourceFixture(overrides: Partial<ResourceView> = {}): ResourceView {
  return {
    id: 'r1',
    kind: 'skill',
    title: '水电维修',
    description: '周末可以上门帮忙修水管、换灯泡',
    offeredBy: '张建国',
    employer: null,
    createdAt: '2026-11-20T10:00:00.000+08:00',
    ...overrides,
  };
}

export function projectFixture(overrides: Partial<ServiceProjectView> = {}): ServiceProjectView {
  return {
    id: 'p1',
    title: '为独居老人更换水管',
    description: '阳光里小区 1栋 302 卫生间水管渗水',
    mode: 'member_take',
    modeLabel: '党员接单',
    demandId: null,
    demandText: null,
    resourceId: null,
    resourceTitle: null,
    takerId: null,
    takerName: null,
    takenByMe: false,
    status: 'open',
    createdAt: '2026-11-21T10:00:00.000+08:00',
    ...overrides,
  };
}

export type EvaluationItem = EvaluationsResponse['items'][number];

export function evaluationFixture(overrides: Partial<EvaluationItem> = {}): EvaluationItem {
  return {
    userId: 'u2',
    name: '张建国',
    employer: '市税务局',
    compound: '阳光里小区',
    levels: ['group'],
    ratings: {},
    ...overrides,
  };
}

export function annualRowFixture(overrides: Partial<AnnualMemberReport> = {}): AnnualMemberReport {
  return {
    userId: 'u2',
    name: '张建国',
    employer: '市税务局',
    activities: 12,
    minutes: 1530,
    wishesFulfilled: 3,
    visits: 8,
    demandsResolved: 2,
    pointsEarned: 260,
    ratings: {},
    ...overrides,
  };
}

export function memberViewFixture(overrides: Partial<MemberView> = {}): MemberView {
  return {
    userId: 'u3',
    nickname: '小李',
    realName: '李明',
    phone: '138****1234',
    status: MembershipStatus.Active,
    roles: [Role.PartyMember],
    branchCompounds: [],
    employer: '市教育局',
    compound: { id: 'k1', name: '阳光里小区' },
    joinedAt: '2026-01-01T10:00:00.000+08:00',
    ...overrides,
  };
}
