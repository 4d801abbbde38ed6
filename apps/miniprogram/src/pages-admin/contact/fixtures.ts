import { BuildingAssignments, BuildingView, ContactGroupView, CoverageResponse } from '@redvest/contract';

export function groupFixture(overrides: Partial<ContactGroupView> = {}): ContactGroupView {
  return {
    id: 'g1',
    communityId: 'c1',
    name: '阳光里1栋党员小组',
    compoundId: 'k1',
    compound: '阳光里小区',
    leaderId: 'u1',
    members: [
      { userId: 'u1', name: '张卫东' },
      { userId: 'u2', name: '刘建国' },
    ],
    status: 'active',
    householdCount: 12,
    ...overrides,
  };
}

export function coverageFixture(overrides: Partial<CoverageResponse> = {}): CoverageResponse {
  return {
    month: '2026-11',
    overdueDays: 30,
    rows: [
      {
        groupId: 'g1',
        groupName: '阳光里1栋党员小组',
        building: '1栋',
        households: 12,
        visited: 1,
        overdue: 11,
      },
    ],
    ...overrides,
  };
}

export function buildingFixture(overrides: Partial<BuildingView> = {}): BuildingView {
  return {
    id: 'b1',
    compoundId: 'k1',
    compound: '阳光里小区',
    name: '1栋',
    householdCount: 6,
    floors: [1, 2, 3],
    ...overrides,
  };
}

type MapHousehold = BuildingAssignments['households'][number];

function household(room: string, floor: number, group: [string, string] | null): MapHousehold {
  return {
    id: `h${room}`,
    label: `阳光里小区 1栋 1单元 ${room}`,
    unit: '1单元',
    floor,
    room,
    groupId: group?.[0] ?? null,
    groupName: group?.[1] ?? null,
  };
}

const MINE: [string, string] = ['g1', '阳光里1栋党员小组'];
const OTHER: [string, string] = ['g2', '阳光里2栋党员小组'];

/** 1栋: 3rd floor this group's and another group's, 2nd and 1st floors nobody's but 102 (the other group). */
export function assignmentsFixture(overrides: Partial<BuildingAssignments> = {}): BuildingAssignments {
  return {
    buildingId: 'b1',
    building: '1栋',
    compound: '阳光里小区',
    households: [
      household('101', 1, null),
      household('102', 1, OTHER),
      household('201', 2, null),
      household('202', 2, null),
      household('301', 3, MINE),
      household('302', 3, OTHER),
    ],
    ...overrides,
  };
}
