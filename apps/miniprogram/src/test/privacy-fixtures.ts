import {
  InvitationView,
  MembershipStatus,
  MY_DATA_EXPORT_FORMAT,
  MyDataExport,
  Role,
  TransferCode,
  TransferStatus,
  Unit,
} from '@redvest/contract';

export function invitationFixture(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    id: 'i1',
    userId: 'u1',
    communityId: 'c3',
    communityName: '清河社区',
    roles: [Role.PartyMember, Role.Resident],
    employer: '区税务局',
    compound: null,
    invitedBy: '李书记',
    status: 'pending',
    createdAt: '2026-11-20T09:00:00.000+08:00',
    answeredAt: null,
    ...overrides,
  };
}

/** An export with a little in a few sections and nothing in the rest. */
export function exportFixture(): MyDataExport {
  return {
    format: MY_DATA_EXPORT_FORMAT,
    exportedAt: '2026-11-23T10:00:00.000+08:00',
    account: {
      id: 'u1',
      nickname: '王书记',
      createdAt: '2026-01-05T08:00:00.000+08:00',
      privacy: { agreedVersion: '2026-12', agreedAt: '2026-01-05T08:01:00.000+08:00' },
    },
    memberships: [
      {
        communityId: 'c1',
        communityName: '襄阳街社区',
        status: MembershipStatus.Active,
        roles: [Role.Secretary, Role.Resident],
        realName: '王红',
        phone: '13912345678',
        compound: '阳光里小区',
        household: '3栋 2单元 101',
        employer: null,
        joinedAt: '2026-01-05T08:02:00.000+08:00',
        verifiedAt: '2026-01-05T08:02:00.000+08:00',
      },
    ],
    formerMemberships: [],
    invitations: [],
    points: {
      accounts: [],
      transfers: [
        {
          id: 't1',
          communityId: 'c1',
          unit: Unit.Points,
          delta: 15,
          code: TransferCode.Checkin,
          memo: '小区环境整治',
          status: TransferStatus.Posted,
          createdAt: '2026-11-23T09:00:00.000+08:00',
        },
      ],
    },
    attendances: [],
    enrolments: [],
    corrections: [],
    certificates: [],
    wishesPosted: [],
    wishesClaimed: [],
    wishNotes: [],
    demands: [],
    demandsResolved: [],
    visitsRecorded: [],
    contactGroups: [],
    resources: [],
    serviceProjectsTaken: [],
    ratingsOfMe: [],
    redemptions: [],
    uploads: [],
    familyLinks: { family: [], residents: [] },
    notifications: [],
  };
}
