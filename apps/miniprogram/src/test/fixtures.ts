import {
  ApprovalItem,
  MeResponse,
  MembershipStatus,
  MembershipView,
  MyPointsAccount,
  MyPointsResponse,
  MyTransferView,
  PRIVACY_NOTICE_VERSION,
  RedemptionView,
  RewardView,
  Role,
  TransferCode,
  TransferStatus,
  Unit,
} from '@redvest/contract';

/** A verified membership of 襄阳街社区 (c1) with the roles given. */
export function membershipFixture(
  overrides: Partial<MembershipView> & Pick<MembershipView, 'roles'>,
): MembershipView {
  return {
    communityId: 'c1',
    communityName: '襄阳街社区',
    status: MembershipStatus.Active,
    branchCompounds: [],
    ...overrides,
  };
}

export function meFixture(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'u1',
    nickname: '王书记',
    isPlatformAdmin: false,
    privacy: { agreedVersion: PRIVACY_NOTICE_VERSION, currentVersion: PRIVACY_NOTICE_VERSION },
    settings: { elderlyMode: false, elderlyModeChosen: true },
    memberships: [
      membershipFixture({ roles: [Role.Secretary], realName: '王红' }),
      {
        communityId: 'c2',
        communityName: '檀溪社区',
        status: MembershipStatus.Pending,
        roles: [Role.Resident, Role.PartyMember],
        branchCompounds: [{ id: 'k1', name: '檀溪花园' }],
        employer: '市税务局机关党委',
      },
    ],
    ...overrides,
  };
}

export function pointsFixture(overrides: Partial<MyPointsAccount> = {}): MyPointsResponse {
  return {
    accounts: [
      {
        communityId: 'c1',
        communityName: '襄阳街社区',
        points: { balance: 60, pending: 15 },
        minutes: { balance: 240, pending: 120 },
        ...overrides,
      },
    ],
  };
}

export function transferFixture(overrides: Partial<MyTransferView> = {}): MyTransferView {
  return {
    id: 't1',
    communityId: 'c1',
    unit: Unit.Points,
    amount: 15,
    delta: 15,
    code: TransferCode.Checkin,
    codeLabel: '志愿服务签到',
    memo: '小区环境整治',
    reference: null,
    linkId: 'l1',
    status: TransferStatus.Pending,
    createdAt: '2026-11-23T18:30:00.000+08:00',
    createdBy: null,
    ...overrides,
  };
}

export function approvalFixture(overrides: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    transferId: 'p1',
    userId: 'u9',
    userName: '赵志远',
    unit: Unit.Points,
    amount: 15,
    code: TransferCode.Checkin,
    codeLabel: '志愿服务签到',
    memo: '小区环境整治',
    reference: { type: 'activity', id: 'a1' },
    linkId: 'l1',
    createdAt: '2026-11-23T18:30:00.000+08:00',
    createdBy: null,
    ...overrides,
  };
}

export function rewardFixture(overrides: Partial<RewardView> = {}): RewardView {
  return {
    id: 'r1',
    communityId: 'c1',
    name: '纯棉毛巾',
    description: '两条装',
    photoUrl: null,
    cost: 20,
    stock: 60,
    active: true,
    ...overrides,
  };
}

export function redemptionFixture(overrides: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: 'o1',
    communityId: 'c1',
    rewardId: 'r1',
    rewardName: '纯棉毛巾',
    userId: 'u1',
    userName: '赵志远',
    quantity: 1,
    unitCost: 20,
    total: 20,
    status: 'placed',
    createdAt: '2026-11-23T19:00:00.000+08:00',
    closedAt: null,
    cancelReason: null,
    ...overrides,
  };
}
