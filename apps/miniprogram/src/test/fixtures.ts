import { MeResponse, MembershipStatus, PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';

export function meFixture(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'u1',
    nickname: '王书记',
    isPlatformAdmin: false,
    privacy: { agreedVersion: PRIVACY_NOTICE_VERSION, currentVersion: PRIVACY_NOTICE_VERSION },
    memberships: [
      {
        communityId: 'c1',
        communityName: '襄阳街社区',
        status: MembershipStatus.Active,
        roles: [Role.Secretary],
        branchCompounds: [],
        realName: '王红',
      },
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
