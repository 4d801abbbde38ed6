import { MeResponse, Role, WishStatus, WishView } from '@redvest/contract';
import { meFixture, membershipFixture } from './fixtures';

export function wishFixture(overrides: Partial<WishView> = {}): WishView {
  return {
    id: 'w1',
    communityId: 'c1',
    title: '轮椅刹车坏了，想请人修一下',
    description: '老伴的轮椅左边刹车松了，推上坡很危险。',
    category: '维修服务',
    status: WishStatus.Published,
    statusLabel: '待认领',
    points: 10,
    photos: [],
    voiceNote: null,
    desiredDate: null,
    mine: false,
    claimedByMe: false,
    authorId: null,
    authorName: '孙*芳',
    postedOnBehalf: false,
    postedByFamily: null,
    confirmedByFamily: null,
    forFamily: false,
    compound: '阳光里小区',
    place: null,
    contactPhone: '136****1605',
    claimerId: null,
    claimerName: null,
    claimedForEmployer: null,
    dispatched: false,
    claimExpiresAt: null,
    fulfilNote: null,
    fulfilPhotos: [],
    rating: null,
    thanks: null,
    confirmation: null,
    rejectReason: null,
    createdAt: '2026-11-23T09:30:00.000+08:00',
    actions: ['claim'],
    timeline: [
      {
        action: 'post',
        label: '发布心愿',
        actorName: '孙桂芳',
        note: null,
        at: '2026-11-23T09:30:00.000+08:00',
        asFamily: false,
      },
      {
        action: 'publish',
        label: '审核通过',
        actorName: '王建国',
        note: null,
        at: '2026-11-23T10:00:00.000+08:00',
        asFamily: false,
      },
    ],
    ...overrides,
  };
}

/** A party member of 襄阳街社区 with an employer (can claim for it). */
export function memberMeFixture(overrides: Partial<MeResponse> = {}): MeResponse {
  return meFixture({
    id: 'u-member',
    nickname: '张卫东',
    memberships: [
      membershipFixture({ roles: [Role.PartyMember], realName: '张卫东', employer: '佛山市税务局' }),
    ],
    ...overrides,
  });
}
