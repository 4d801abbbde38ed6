/**
 * The shape every state machine of ours takes (a micro-wish's, a demand's): a table of actions, each with
 * the states it may be taken from, the state it leads to, and who may take it.
 */
export interface StateTransition<Status extends string, Actor extends string> {
  readonly from: readonly Status[];
  /** Left out: the action changes something else and the state stays (a demand's assignment). */
  readonly to?: Status;
  readonly by: readonly Actor[];
}

export type TransitionTable<Action extends string, Status extends string, Actor extends string> = Readonly<
  Record<Action, StateTransition<Status, Actor>>
>;

/** The wrong role is told apart from the wrong moment: each has its own error code. */
export type TransitionCheck = 'ok' | 'wrong_state' | 'not_allowed';

export interface StateMachine<Action extends string, Status extends string, Actor extends string> {
  readonly actions: readonly Action[];
  /** Whether `actors` may take `action` on something in `status`. */
  check(action: Action, status: Status, actors: ReadonlySet<Actor>): TransitionCheck;
  /** The actions a caller could take now: what the app shows as buttons. */
  allowed(status: Status, actors: ReadonlySet<Actor>): Action[];
  /** The state after `action`: its `to`, or `status` when it keeps the state. */
  after(action: Action, status: Status): Status;
}

/**
 * The machine over `table`. Actions taken only by one of `jobs` (the scheduled jobs) are never offered as
 * buttons, whoever asks.
 */
export function stateMachine<Action extends string, Status extends string, Actor extends string>(
  table: TransitionTable<Action, Status, Actor>,
  { jobs = [] }: { jobs?: readonly Actor[] } = {},
): StateMachine<Action, Status, Actor> {
  const actions = Object.keys(table) as Action[];
  const check = (action: Action, status: Status, actors: ReadonlySet<Actor>): TransitionCheck => {
    const transition = table[action];
    if (!transition.by.some((actor) => actors.has(actor))) return 'not_allowed';
    return transition.from.includes(status) ? 'ok' : 'wrong_state';
  };
  const byJob = (action: Action) => table[action].by.some((actor) => jobs.includes(actor));
  return {
    actions,
    check,
    allowed: (status, actors) =>
      actions.filter((action) => !byJob(action) && check(action, status, actors) === 'ok'),
    after: (action, status) => table[action].to ?? status,
  };
}
