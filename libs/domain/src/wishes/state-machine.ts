import { WishAction, WishStatus } from '@redvest/contract';
import { StateTransition, stateMachine, TransitionCheck } from '../state-machine';

/**
 * Who someone is to a wish. A caller can be several at once (a secretary who claimed a wish is both
 * `reviewer` and `claimer`).
 * - `author`: the resident it is for; `claimer`: who holds it now;
 * - `family`: a linked family member of the author (家人代办), who acts for them;
 * - `member`: a volunteer or party member of the community who is not its author;
 * - `reviewer`: a community secretary, or the branch secretary of the wish's compound;
 * - `system`: the scheduled jobs.
 */
export type WishActor = 'author' | 'family' | 'claimer' | 'member' | 'reviewer' | 'system';

export interface Transition extends StateTransition<WishStatus, WishActor> {
  /** Every wish action leads somewhere. */
  to: WishStatus;
  /** What the request must carry. */
  needs?: 'reason' | 'note' | 'member';
}

const S = WishStatus;

/** The micro-wish state machine (DESIGN §5), the one definition the server and the app use. */
export const WISH_TRANSITIONS: Record<WishAction, Transition> = {
  publish: { from: [S.PendingReview], to: S.Published, by: ['reviewer'] },
  reject: { from: [S.PendingReview], to: S.Rejected, by: ['reviewer'], needs: 'reason' },
  claim: { from: [S.Published], to: S.Claimed, by: ['member'] },
  dispatch: { from: [S.Published], to: S.Claimed, by: ['reviewer'], needs: 'member' },
  release: { from: [S.Claimed], to: S.Published, by: ['claimer'] },
  expire_claim: { from: [S.Claimed], to: S.Published, by: ['system'] },
  fulfil: { from: [S.Claimed], to: S.Fulfilled, by: ['claimer'], needs: 'note' },
  confirm: { from: [S.Fulfilled], to: S.Confirmed, by: ['author'] },
  confirm_on_behalf: { from: [S.Fulfilled], to: S.Confirmed, by: ['reviewer', 'family'] },
  auto_confirm: { from: [S.Fulfilled], to: S.Confirmed, by: ['system'] },
  dispute: { from: [S.Fulfilled], to: S.Claimed, by: ['author', 'family'], needs: 'reason' },
  cancel: { from: [S.PendingReview, S.Published, S.Claimed], to: S.Cancelled, by: ['author', 'family'] },
};

// Marked pure, so that the mini-program's bundle drops what it does not use.
const WISH_MACHINE = /*#__PURE__*/ stateMachine(WISH_TRANSITIONS, { jobs: ['system'] });

export const WISH_ACTIONS = /*#__PURE__*/ Object.keys(WISH_TRANSITIONS) as WishAction[];

/** Whether `actors` may take `action` on a wish in `status`; the wrong role is told apart from the wrong moment. */
export function checkTransition(
  action: WishAction,
  status: WishStatus,
  actors: ReadonlySet<WishActor>,
): TransitionCheck {
  return WISH_MACHINE.check(action, status, actors);
}

/** The actions a caller could take now: what the app shows as buttons (never the scheduled jobs' own). */
export function allowedActions(status: WishStatus, actors: ReadonlySet<WishActor>): WishAction[] {
  return WISH_MACHINE.allowed(status, actors);
}
