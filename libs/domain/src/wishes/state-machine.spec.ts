import { WishAction, WishStatus } from '@redvest/contract';
import { allowedActions, checkTransition, WISH_ACTIONS, WISH_TRANSITIONS, WishActor } from './state-machine';

const ACTORS: WishActor[] = ['author', 'claimer', 'member', 'reviewer', 'system'];
const STATUSES = Object.values(WishStatus);

/** The expected table, written out by hand: action → [from states, who]. */
const EXPECTED: Record<WishAction, [WishStatus[], WishActor[]]> = {
  publish: [[WishStatus.PendingReview], ['reviewer']],
  reject: [[WishStatus.PendingReview], ['reviewer']],
  claim: [[WishStatus.Published], ['member']],
  dispatch: [[WishStatus.Published], ['reviewer']],
  release: [[WishStatus.Claimed], ['claimer']],
  expire_claim: [[WishStatus.Claimed], ['system']],
  fulfil: [[WishStatus.Claimed], ['claimer']],
  confirm: [[WishStatus.Fulfilled], ['author']],
  confirm_on_behalf: [[WishStatus.Fulfilled], ['reviewer']],
  auto_confirm: [[WishStatus.Fulfilled], ['system']],
  dispute: [[WishStatus.Fulfilled], ['author']],
  cancel: [[WishStatus.PendingReview, WishStatus.Published, WishStatus.Claimed], ['author']],
};

describe('the micro-wish state machine', () => {
  it.each(WISH_ACTIONS)('allows %s only from its states and only to its actors, for every pair', (action) => {
    const [from, by] = EXPECTED[action];
    for (const status of STATUSES) {
      for (const actor of ACTORS) {
        const expected = !by.includes(actor) ? 'not_allowed' : from.includes(status) ? 'ok' : 'wrong_state';
        expect([action, status, actor, checkTransition(action, status, new Set([actor]))]).toEqual([
          action,
          status,
          actor,
          expected,
        ]);
      }
    }
  });

  it('never leaves the end states', () => {
    for (const end of [WishStatus.Confirmed, WishStatus.Rejected, WishStatus.Cancelled]) {
      expect(WISH_ACTIONS.filter((a) => WISH_TRANSITIONS[a].from.includes(end))).toEqual([]);
    }
  });

  it('offers each person the buttons that fit', () => {
    expect(allowedActions(WishStatus.Published, new Set<WishActor>(['member']))).toEqual(['claim']);
    expect(allowedActions(WishStatus.Published, new Set<WishActor>(['author']))).toEqual(['cancel']);
    expect(allowedActions(WishStatus.Claimed, new Set<WishActor>(['claimer', 'reviewer']))).toEqual([
      'release',
      'fulfil',
    ]);
    expect(allowedActions(WishStatus.Fulfilled, new Set<WishActor>(['author']))).toEqual([
      'confirm',
      'dispute',
    ]);
    expect(allowedActions(WishStatus.Fulfilled, new Set<WishActor>(['reviewer']))).toEqual([
      'confirm_on_behalf',
    ]);
    expect(allowedActions(WishStatus.Claimed, new Set<WishActor>(['system']))).toEqual([]);
  });
});
