import { DemandView, HouseholdCard, MyHouseholdView } from '@redvest/contract';

export function myHouseholdFixture(overrides: Partial<MyHouseholdView> = {}): MyHouseholdView {
  return {
    id: 'h101',
    label: '阳光里小区 1栋 1单元 101',
    building: '1栋',
    unit: '1单元',
    floor: 1,
    room: '101',
    groupName: '阳光里1栋党员小组',
    lastVisitedAt: null,
    overdue: true,
    flags: [],
    ...overrides,
  };
}

export function householdCardFixture(overrides: Partial<HouseholdCard> = {}): HouseholdCard {
  return {
    id: 'h101',
    label: '阳光里小区 1栋 1单元 101',
    buildingId: 'b1',
    unit: '1单元',
    floor: 1,
    room: '101',
    group: {
      id: 'g1',
      name: '阳光里1栋党员小组',
      members: [
        { userId: 'u1', name: '张卫东' },
        { userId: 'u3', name: '刘建国' },
        { userId: 'u4', name: '陈秀英' },
      ],
    },
    lastVisit: null,
    overdue: true,
    visits: [],
    ...overrides,
  };
}

export function demandFixture(overrides: Partial<DemandView> = {}): DemandView {
  return {
    id: 'd1',
    communityId: 'c1',
    compound: '阳光里小区',
    householdLabel: '阳光里小区 1栋 1单元 302',
    category: '住房维修',
    text: '卫生间水管老化渗水',
    status: 'reported',
    statusLabel: '已上报',
    raisedBy: 'u2',
    raisedByName: '李春梅',
    assigneeId: null,
    assigneeName: null,
    rejectReason: null,
    resolution: null,
    wishId: null,
    photos: [],
    createdAt: '2026-11-20T10:00:00.000+08:00',
    actions: [],
    ...overrides,
  };
}
