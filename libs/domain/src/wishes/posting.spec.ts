import { ErrorCode, Role, WishStatus } from '@redvest/contract';
import { decideWishPost, planWishPost, WishPoster, WishPostPlan, WishPostRequest } from './posting';

const resident: WishPoster = { userId: 'r1', granted: [Role.Resident], branchCompoundIds: [] };
const secretary: WishPoster = { userId: 's1', granted: [Role.Secretary], branchCompoundIds: [] };
const branch: WishPoster = { userId: 'b1', granted: [Role.BranchSecretary], branchCompoundIds: ['east'] };
const member = { active: true, compoundId: 'east' };

function post(poster: WishPoster, request: WishPostRequest, author = member) {
  const plan = planWishPost(poster, request);
  return 'error' in plan ? plan : decideWishPost(poster, request, plan, author);
}

describe('posting a wish', () => {
  it("sends a resident's own wish to review", () => {
    expect(post(resident, { photoCount: 0 })).toMatchObject({
      authorId: 'r1',
      postedBy: null,
      status: WishStatus.PendingReview,
      events: [{ action: 'post', note: null }],
      asksReview: true,
      audited: false,
    });
  });

  it('publishes at once what a secretary posts for a resident (代发), and records it in the audit log', () => {
    expect(post(secretary, { onBehalfOf: 'r1', photoCount: 0 })).toMatchObject({
      authorId: 'r1',
      postedBy: 's1',
      status: WishStatus.Published,
      events: [
        { action: 'post', note: '社区代发' },
        { action: 'publish', note: null },
      ],
      asksReview: false,
      audited: true,
    });
  });

  it('reviews a reviewer’s own wish like anyone’s', () => {
    expect(post(secretary, { onBehalfOf: 's1', photoCount: 0 })).toMatchObject({
      authorId: 's1',
      status: WishStatus.PendingReview,
    });
  });

  it('lets a branch secretary post only for residents of their own compounds', () => {
    expect(post(branch, { onBehalfOf: 'r1', photoCount: 0 })).toMatchObject({ status: WishStatus.Published });
    expect(post(branch, { onBehalfOf: 'r1', photoCount: 0 }, { active: true, compoundId: 'west' })).toEqual({
      error: ErrorCode.NotYourCompound,
    });
  });

  it('publishes a demand turned into a wish in the demand’s compound, unaudited', () => {
    expect(post(branch, { photoCount: 0, fromDemand: { compoundId: 'west' } })).toMatchObject({
      compoundId: 'west',
      status: WishStatus.Published,
      events: [{ action: 'post', note: '由群众诉求转来' }, { action: 'publish' }],
      audited: false,
    });
  });

  it('refuses too many photos, a resident posting for someone else, and an author who is not a member', () => {
    expect(post(resident, { photoCount: 4 })).toEqual({ error: ErrorCode.TooManyPhotos });
    expect(post(resident, { onBehalfOf: 'r2', photoCount: 0 })).toEqual({ error: ErrorCode.FamilyNotLinked });
    const plan = planWishPost(secretary, { onBehalfOf: 'r2', photoCount: 0 });
    if ('error' in plan) throw new Error('planned');
    expect(decideWishPost(secretary, { onBehalfOf: 'r2', photoCount: 0 }, plan, null)).toEqual({
      error: ErrorCode.MemberNotFound,
    });
    expect(
      decideWishPost(secretary, { onBehalfOf: 'r2', photoCount: 0 }, plan, {
        active: false,
        compoundId: null,
      }),
    ).toEqual({ error: ErrorCode.MemberNotFound });
  });
});

describe('posting for a resident as their family (家人代办)', () => {
  const son = {
    userId: 'son',
    granted: [Role.Resident],
    branchCompoundIds: [],
    familyOf: new Set(['grandma']),
  };
  const author = { active: true, compoundId: 'c1' };

  it('posts for a linked resident, reviewed like the resident’s own wish, and for no one else', () => {
    const request = { onBehalfOf: 'grandma', photoCount: 0 };
    const plan = planWishPost(son, request);
    expect(plan).toEqual({ authorId: 'grandma', forOther: true, reviewer: false, family: true });
    const decision = decideWishPost(son, request, plan as WishPostPlan, author);
    expect(decision).toMatchObject({
      authorId: 'grandma',
      postedBy: 'son',
      compoundId: 'c1',
      status: WishStatus.PendingReview,
      events: [{ action: 'post', note: '家人代发' }],
      asksReview: true,
      audited: true,
    });
    expect(planWishPost(son, { onBehalfOf: 'neighbour', photoCount: 0 })).toEqual({
      error: ErrorCode.FamilyNotLinked,
    });
  });

  it('has a secretary who is the resident’s family post as family, waiting for review', () => {
    const secretary = { ...son, granted: [Role.Secretary] };
    const request = { onBehalfOf: 'grandma', photoCount: 0 };
    const plan = planWishPost(secretary, request) as WishPostPlan;
    expect(plan.family).toBe(true);
    expect(decideWishPost(secretary, request, plan, author)).toMatchObject({
      status: WishStatus.PendingReview,
      asksReview: true,
    });
  });
});
