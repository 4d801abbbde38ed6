import fc from 'fast-check';
import { stateMachine, TransitionTable } from './state-machine';

type Status = 'open' | 'held' | 'done';
type Actor = 'owner' | 'helper' | 'job';
type Action = 'hold' | 'finish' | 'note' | 'expire';

const TABLE: TransitionTable<Action, Status, Actor> = {
  hold: { from: ['open'], to: 'held', by: ['helper'] },
  finish: { from: ['held'], to: 'done', by: ['helper', 'owner'] },
  note: { from: ['open', 'held'], by: ['owner'] },
  expire: { from: ['held'], to: 'open', by: ['job'] },
};
const machine = stateMachine(TABLE, { jobs: ['job'] });
const STATUSES: Status[] = ['open', 'held', 'done'];
const ACTORS: Actor[] = ['owner', 'helper', 'job'];

describe('a state machine over its table', () => {
  it('lists its actions in the order of the table', () => {
    expect(machine.actions).toEqual(['hold', 'finish', 'note', 'expire']);
  });

  it('tells the wrong person (not_allowed) from the wrong moment (wrong_state)', () => {
    expect(machine.check('hold', 'open', new Set(['helper']))).toBe('ok');
    expect(machine.check('hold', 'held', new Set(['helper']))).toBe('wrong_state');
    expect(machine.check('hold', 'held', new Set(['owner']))).toBe('not_allowed');
    expect(machine.check('finish', 'held', new Set(['owner', 'helper']))).toBe('ok');
  });

  it('keeps the state for an action without a `to`', () => {
    expect(machine.after('note', 'held')).toBe('held');
    expect(machine.after('hold', 'open')).toBe('held');
  });

  it('never offers the scheduled jobs’ actions as buttons', () => {
    expect(machine.allowed('held', new Set(['job']))).toEqual([]);
    expect(machine.check('expire', 'held', new Set(['job']))).toBe('ok');
    expect(machine.allowed('held', new Set(['owner']))).toEqual(['finish', 'note']);
  });

  it('offers exactly the actions the check lets through, for any status and set of actors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.subarray(ACTORS), (status, actors) => {
        const who = new Set(actors);
        const offered = machine.allowed(status, who);
        for (const action of machine.actions) {
          const ok = machine.check(action, status, who) === 'ok' && !TABLE[action].by.includes('job');
          expect(offered.includes(action)).toBe(ok);
        }
      }),
    );
  });
});
