import { PostWishRequest, Role } from '@redvest/contract';
import { LoggedIn, memberWith } from './fixtures';
import { TestApp } from './harness';

export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(200, 7),
  Buffer.from([0xff, 0xd9]),
]);

export const photo = (content: Buffer = JPEG, filename = 'photo.jpg') => ({
  filename,
  data: new Blob([content]),
});

export const WISH: PostWishRequest = {
  title: '轮椅刹车坏了，想请人修一下',
  description: '老伴的轮椅左边刹车松了，推上坡很危险，想请会修的志愿者帮忙看看。',
  category: '维修服务',
};

/** A community with a resident, two party members and the secretary. */
export async function wishCommunity(t: TestApp, secretary: LoggedIn, communityId: string) {
  const resident = await memberWith(t, secretary, communityId, [Role.Resident]);
  const member = await memberWith(t, secretary, communityId, [Role.PartyMember]);
  const other = await memberWith(t, secretary, communityId, [Role.PartyMember]);
  return { resident, member, other };
}

/** A wish posted by `resident` and published by `secretary`. */
export async function publishedWish(
  secretary: LoggedIn,
  resident: LoggedIn,
  communityId: string,
  overrides: Partial<PostWishRequest> = {},
) {
  const wish = await resident.wishes.post(communityId, { ...WISH, ...overrides });
  return secretary.wishes.review(wish.id, { action: 'publish' });
}
