import { ErrorCode, Role, WishAction, WishStatus } from '@redvest/contract';
import fc from 'fast-check';
import { wishActorsFor } from './actors';
import {
  decideWishAction,
  isWishRefusal,
  WishActionInput,
  WishCaller,
  WishDecision,
  WishFacts,
  WishRefusal,
  wishConfirmAction,
  wishLetterRefusal,
  wishReviewRequest,
} from './decide';
import { checkWishPoints, wishPointsChangeSummary, wishPointsTable } from './points';
import { WISH_ACTIONS, WishActor } from './state-machine';

const NOW = new Date('2025-03-01T10:00:00+08:00');
const SETTINGS = { maxOpenClaims: 3 };
const END_STATES = [WishStatus.Confirmed, WishStatus.Rejected, WishStatus.Cancelled];

const wishIn = (status: WishStatus, claimerId: string | null = null): WishFacts => ({
  title: '陪老人看病',
  status,
  authorId: 'author',
  claimerId,
  points: 10,
});
const as = (userId: string | null, ...actors: WishActor[]): WishCaller => ({
  userId,
  actors: new Set(actors),
});
const CLAIMER: NonNullable<WishActionInput['claimer']> = {
  accountActive: true,
  member: true,
  openClaims: 0,
  employerId: null,
  onBehalfOfEmployer: false,
};

function decided(result: WishDecision | WishRefusal): WishDecision {
  if (isWishRefusal(result)) throw new Error(`refused: ${result.error}`);
  return result;
}

describe('decideWishAction', () => {
  it('tells the wrong person from the wrong moment, and the author who claims their own wish', () => {
    const published = wishIn(WishStatus.Published);
    expect(decideWishAction(published, as('x'), { action: 'claim' }, NOW, SETTINGS)).toEqual({
      error: ErrorCode.WishActionNotAllowed,
    });
    expect(decideWishAction(published, as('author', 'author'), { action: 'claim' }, NOW, SETTINGS)).toEqual({
      error: ErrorCode.WishOwn,
    });
    expect(decideWishAction(published, as('r', 'reviewer'), { action: 'publish' }, NOW, SETTINGS)).toEqual({
      error: ErrorCode.WishWrongState,
      details: { status: WishStatus.Published },
    });
    const claimed = wishIn(WishStatus.Claimed, 'm1');
    const claim = { action: 'claim' as const, claimer: CLAIMER };
    expect(decideWishAction(claimed, as('m2', 'member'), claim, NOW, SETTINGS)).toEqual({
      error: ErrorCode.WishAlreadyClaimed,
    });
  });

  it('asks for a reason where the state machine needs one', () => {
    const pending = wishIn(WishStatus.PendingReview);
    expect(
      decideWishAction(pending, as('r', 'reviewer'), { action: 'reject', reason: '  ' }, NOW, SETTINGS),
    ).toEqual({ error: ErrorCode.ValidationFailed, details: [{ field: 'reason', message: '请填写原因' }] });
    const rejected = decided(
      decideWishAction(pending, as('r', 'reviewer'), { action: 'reject', reason: ' 重复 ' }, NOW, SETTINGS),
    );
    expect(rejected.changes).toEqual({ rejectReason: '重复' });
    expect(rejected.note).toBe('重复');
    expect(rejected.settlesReview).toBe(true);
    expect(rejected.notices).toEqual([
      { userId: 'author', title: '心愿“陪老人看病”', body: '您的心愿未通过审核：重复', status: '审核未通过' },
    ]);
  });

  it('lets a member claim within the limit, for their employer only when they registered one', () => {
    const published = wishIn(WishStatus.Published);
    const claim = (claimer: Partial<typeof CLAIMER>) =>
      decideWishAction(
        published,
        as('m1', 'member'),
        { action: 'claim', claimer: { ...CLAIMER, ...claimer } },
        NOW,
        SETTINGS,
      );
    expect(claim({ accountActive: false })).toEqual({ error: ErrorCode.TokenInvalid });
    expect(claim({ member: false })).toEqual({ error: ErrorCode.NotCommunityMember });
    expect(claim({ openClaims: 3 })).toEqual({ error: ErrorCode.ClaimLimitReached });
    expect(claim({ onBehalfOfEmployer: true })).toEqual({
      error: ErrorCode.ValidationFailed,
      details: [{ field: 'onBehalfOfEmployer', message: '您还没有登记原单位' }],
    });
    const ok = decided(claim({ onBehalfOfEmployer: true, employerId: 'e1' }));
    expect(ok.changes).toEqual({
      claimerId: 'm1',
      claimedForEmployerId: 'e1',
      claimedAt: NOW,
      dispatchedBy: null,
    });
    expect(ok.expect).toEqual({ status: WishStatus.Published });
    expect(ok.notices.map((n) => [n.userId, n.body])).toEqual([
      ['author', '有人认领了您的心愿，会尽快和您联系'],
    ]);
  });

  it('dispatches only to an active volunteer who is not the author', () => {
    const published = wishIn(WishStatus.Published);
    const dispatch = (dispatchTo: WishActionInput['dispatchTo']) =>
      decideWishAction(published, as('r', 'reviewer'), { action: 'dispatch', dispatchTo }, NOW, SETTINGS);
    expect(dispatch(null)).toEqual({ error: ErrorCode.MemberNotFound });
    expect(dispatch({ userId: 'v', active: false, granted: [Role.Volunteer] })).toEqual({
      error: ErrorCode.MemberNotFound,
    });
    expect(dispatch({ userId: 'v', active: true, granted: [Role.Resident] })).toEqual({
      error: ErrorCode.MemberNotFound,
    });
    expect(dispatch({ userId: 'author', active: true, granted: [Role.PartyMember] })).toEqual({
      error: ErrorCode.WishOwn,
    });
    const ok = decided(dispatch({ userId: 'v', active: true, granted: [Role.PartyMember] }));
    expect(ok.changes).toMatchObject({ claimerId: 'v', dispatchedBy: 'r' });
    expect(ok.notices.map((n) => n.userId)).toEqual(['author', 'v']);
  });

  it('guards the claimer’s own actions on their still holding the wish', () => {
    const claimed = wishIn(WishStatus.Claimed, 'm1');
    const fulfil = decided(
      decideWishAction(
        claimed,
        as('m1', 'claimer', 'member'),
        { action: 'fulfil', fulfilNote: ' 已送达 ' },
        NOW,
        SETTINGS,
      ),
    );
    expect(fulfil.expect).toEqual({ status: WishStatus.Claimed, claimerId: 'm1' });
    expect(fulfil.changes).toEqual({ fulfilNote: '已送达', fulfilledAt: NOW });
    const released = decided(
      decideWishAction(claimed, as('m1', 'claimer'), { action: 'release' }, NOW, SETTINGS),
    );
    expect(released.changes).toEqual({
      claimerId: null,
      claimedForEmployerId: null,
      claimedAt: null,
      dispatchedBy: null,
    });
  });

  it('awards the points on confirmation: posted when the author confirms, pending otherwise', () => {
    const fulfilled = wishIn(WishStatus.Fulfilled, 'm1');
    const confirm = decided(
      decideWishAction(
        fulfilled,
        as('author', 'author'),
        { action: 'confirm', confirm: { rating: 5, thanks: ' 谢谢 ' } },
        NOW,
        SETTINGS,
      ),
    );
    expect(confirm.award).toEqual({
      userId: 'm1',
      amount: 10,
      memo: '完成微心愿：陪老人看病',
      autoPost: true,
    });
    expect(confirm.changes).toEqual({
      confirmation: 'author',
      confirmedBy: 'author',
      confirmedAt: NOW,
      rating: 5,
      thanks: '谢谢',
    });
    expect(confirm.notices[0].body).toBe('心愿已确认完成，感谢您的付出！积分 10 分已入账');
    const auto = decided(
      decideWishAction(fulfilled, as(null, 'system'), { action: 'auto_confirm' }, NOW, SETTINGS),
    );
    expect(auto.award).toMatchObject({ memo: '完成微心愿：陪老人看病（超时自动确认）', autoPost: false });
    expect(auto.note).toBeNull();
    const onBehalf = decided(
      decideWishAction(fulfilled, as('r', 'reviewer'), { action: 'confirm_on_behalf' }, NOW, SETTINGS),
    );
    expect(onBehalf.award).toMatchObject({ memo: '完成微心愿：陪老人看病（社区代确认）', autoPost: false });
    expect(onBehalf.notices[0].body).toContain('待审批');
    const free = decided(
      decideWishAction(
        { ...fulfilled, points: 0 },
        as('author', 'author'),
        { action: 'confirm' },
        NOW,
        SETTINGS,
      ),
    );
    expect(free.award).toBeNull();
  });

  it('tells the reviewers of a dispute and the claimer what to do', () => {
    const fulfilled = wishIn(WishStatus.Fulfilled, 'm1');
    const dispute = decided(
      decideWishAction(
        fulfilled,
        as('author', 'author'),
        { action: 'dispute', reason: '没修好' },
        NOW,
        SETTINGS,
      ),
    );
    expect(dispute.reviewerNotice).toEqual({
      title: '心愿有异议：陪老人看病',
      body: '居民对完成情况有异议：没修好',
      status: '有异议',
    });
    expect(dispute.notices).toEqual([
      expect.objectContaining({ userId: 'm1', body: '居民对完成情况有异议，请再联系居民' }),
    ]);
    expect(wishReviewRequest('修水管', '张三')).toEqual({
      title: '新心愿待审核：修水管',
      body: '张三发布了新心愿，请审核',
      status: '待审核',
    });
  });
});

describe('who someone is to a wish', () => {
  const wish = { authorId: 'author', claimerId: 'm1', compoundId: 'c1' };
  const actors = (userId: string, granted: Role[], branchCompoundIds: string[] = []) =>
    [...wishActorsFor(wish, { userId, granted, branchCompoundIds })].sort();

  it('names authors, claimers, members and reviewers', () => {
    expect(actors('author', [Role.PartyMember])).toEqual(['author']);
    expect(actors('m1', [Role.Volunteer])).toEqual(['claimer', 'member']);
    expect(actors('x', [Role.Resident])).toEqual([]);
    expect(actors('s', [Role.Secretary])).toEqual(['reviewer']);
    expect(actors('b', [Role.BranchSecretary], ['c1'])).toEqual(['reviewer']);
    expect(actors('b', [Role.BranchSecretary], ['c2'])).toEqual([]);
  });

  it('confirms as the author or on their behalf, and hides wishes from those not close to them', () => {
    expect(wishConfirmAction(WishStatus.Fulfilled, new Set(['author']))).toBe('confirm');
    expect(wishConfirmAction(WishStatus.Fulfilled, new Set(['reviewer']))).toBe('confirm_on_behalf');
    expect(wishConfirmAction(WishStatus.Fulfilled, new Set(['member']))).toEqual({
      error: ErrorCode.WishNotFound,
    });
    expect(wishConfirmAction(WishStatus.Fulfilled, new Set())).toEqual({ error: ErrorCode.WishNotFound });
  });

  it('gives the thank-you letter of a confirmed wish to its claimer and to secretaries', () => {
    const confirmed = WishStatus.Confirmed;
    expect(wishLetterRefusal(confirmed, new Set(['claimer']), false)).toBeNull();
    expect(wishLetterRefusal(confirmed, new Set(['reviewer']), true)).toBeNull();
    expect(wishLetterRefusal(confirmed, new Set(['reviewer']), false)).toEqual({
      error: ErrorCode.Forbidden,
    });
    expect(wishLetterRefusal(WishStatus.Fulfilled, new Set(['claimer']), false)).toEqual({
      error: ErrorCode.WishWrongState,
      details: { status: WishStatus.Fulfilled },
    });
    expect(wishLetterRefusal(WishStatus.Fulfilled, new Set(['member']), true)).toEqual({
      error: ErrorCode.WishNotFound,
    });
  });
});

describe('points per category', () => {
  it('defaults to 10 and accepts whole numbers from 0 to 1000 for wish categories', () => {
    expect(Object.values(wishPointsTable([])).every((p) => p === 10)).toBe(true);
    expect(wishPointsTable([{ category: '助老助残', points: 20 }])['助老助残']).toBe(20);
    expect(checkWishPoints({ 助老助残: 0, 助学圆梦: 1000 })).toBeNull();
    const bad: Record<string, number>[] = [
      { 助老助残: -1 },
      { 助老助残: 1001 },
      { 助老助残: 1.5 },
      { 别的: 5 },
    ];
    for (const points of bad)
      expect(checkWishPoints(points)).toMatchObject({ error: ErrorCode.ValidationFailed });
    expect(wishPointsChangeSummary({ 助老助残: 10, 助学圆梦: 10 }, { 助老助残: 20, 助学圆梦: 10 })).toBe(
      '助老助残 10 → 20 积分',
    );
    expect(wishPointsChangeSummary({ 助老助残: 10 }, { 助老助残: 10 })).toBe('无变化');
  });
});

/** The people of the property: the author, two volunteers, a secretary, a resident, and the scheduled jobs. */
const PEOPLE: { id: string | null; granted: Role[] }[] = [
  { id: 'author', granted: [Role.Resident] },
  { id: 'v1', granted: [Role.Volunteer] },
  { id: 'v2', granted: [Role.PartyMember] },
  { id: 'sec', granted: [Role.Secretary] },
  { id: 'res', granted: [Role.Resident] },
  { id: null, granted: [] },
];

const step = fc.record({
  person: fc.nat({ max: PEOPLE.length - 1 }),
  action: fc.constantFrom(...WISH_ACTIONS),
  target: fc.nat({ max: PEOPLE.length - 2 }),
  reason: fc.constantFrom('', '  ', '不需要了'),
});

describe('any sequence of actions by anyone', () => {
  it('keeps one claimer at most, never leaves an end state, and awards the points exactly once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(WishStatus.PendingReview, WishStatus.Published),
        fc.array(step, { maxLength: 40 }),
        (start, steps) => {
          let wish: WishFacts & { compoundId: string | null } = { ...wishIn(start), compoundId: 'c1' };
          const awards: string[] = [];
          for (const { person, action, target, reason } of steps) {
            const who = PEOPLE[person];
            const actors: Set<WishActor> =
              who.id === null
                ? new Set(['system'])
                : wishActorsFor(wish, { userId: who.id, granted: who.granted, branchCompoundIds: [] });
            const named = PEOPLE[target];
            const input: WishActionInput = {
              action: action as WishAction,
              reason,
              claimer: CLAIMER,
              dispatchTo: { userId: named.id!, active: true, granted: named.granted },
              fulfilNote: '已完成',
            };
            const result = decideWishAction(wish, { userId: who.id, actors }, input, NOW, SETTINGS);
            if (END_STATES.includes(wish.status)) {
              expect(isWishRefusal(result)).toBe(true);
              continue;
            }
            if (isWishRefusal(result)) continue;
            expect(result.expect.status).toBe(wish.status);
            if (result.expect.claimerId) expect(result.expect.claimerId).toBe(wish.claimerId);
            if (result.changes.claimerId) expect(wish.claimerId).toBeNull();
            expect(result.notices.every((n) => n.userId !== who.id)).toBe(true);
            if (result.award) awards.push(result.award.userId);
            wish = { ...wish, ...result.changes, status: result.to };
            // A wish someone holds names them; an open one names nobody (a cancelled one keeps its last claimer).
            const held = wish.status === WishStatus.Claimed || wish.status === WishStatus.Fulfilled;
            const open = wish.status === WishStatus.Published || wish.status === WishStatus.PendingReview;
            if (held) expect(wish.claimerId).not.toBeNull();
            if (open) expect(wish.claimerId).toBeNull();
            if (held) expect(wish.claimerId).not.toBe('author');
          }
          expect(awards).toEqual(wish.status === WishStatus.Confirmed ? [wish.claimerId] : []);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a linked family member (家人代办)', () => {
  const fulfilled = wishIn(WishStatus.Fulfilled, 'm1');
  const familyOf = new Set(['author']);
  const actors = (userId: string, granted: Role[]) =>
    wishActorsFor(
      { authorId: 'author', claimerId: 'm1', compoundId: 'c1' },
      {
        userId,
        granted,
        branchCompoundIds: [],
        familyOf,
      },
    );

  it('is family to the resident’s wishes only, and sees them in every state', () => {
    expect([...actors('son', [Role.Resident])]).toEqual(['family']);
    expect([...actors('author', [Role.Resident])]).toEqual(['author']);
    expect(wishConfirmAction(WishStatus.PendingReview, actors('son', [Role.Resident]))).toBe(
      'confirm_on_behalf',
    );
  });

  it('confirms for the resident with the points pending, disputes and withdraws, but never reviews', () => {
    const son = { userId: 'son', actors: actors('son', [Role.Resident]) };
    const confirmed = decided(
      decideWishAction(
        fulfilled,
        son,
        { action: 'confirm_on_behalf', confirm: { rating: 5 } },
        NOW,
        SETTINGS,
      ),
    );
    expect(confirmed.changes).toMatchObject({ confirmation: 'family', confirmedBy: 'son', rating: 5 });
    expect(confirmed.award).toMatchObject({ memo: '完成微心愿：陪老人看病（家人代确认）', autoPost: false });
    const disputed = decided(
      decideWishAction(fulfilled, son, { action: 'dispute', reason: '灯还是不亮' }, NOW, SETTINGS),
    );
    expect(disputed.reviewerNotice?.body).toBe('居民的家人对完成情况有异议：灯还是不亮');
    expect(
      decideWishAction(wishIn(WishStatus.Published), son, { action: 'cancel' }, NOW, SETTINGS),
    ).toMatchObject({ to: WishStatus.Cancelled });
    expect(
      decideWishAction(wishIn(WishStatus.PendingReview), son, { action: 'publish' }, NOW, SETTINGS),
    ).toEqual({ error: ErrorCode.WishActionNotAllowed });
  });

  it('does not confirm a wish they claimed themselves', () => {
    const claimer = { userId: 'm1', actors: new Set<WishActor>(['family', 'claimer', 'member']) };
    expect(decideWishAction(fulfilled, claimer, { action: 'confirm_on_behalf' }, NOW, SETTINGS)).toEqual({
      error: ErrorCode.FamilyClaimerMayNotConfirm,
    });
  });
});
