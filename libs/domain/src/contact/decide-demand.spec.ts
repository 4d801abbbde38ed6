import { DemandAction, DemandStatus, ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { isRefusal, Refusal } from '../refusal';
import {
  decideDemandAction,
  decideDemandToWish,
  DemandCaller,
  DemandDecision,
  DemandFacts,
} from './decide-demand';
import { checkDemandTransition, DEMAND_TRANSITIONS, DemandActor } from './demands';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const STATUSES: DemandStatus[] = ['reported', 'accepted', 'in_progress', 'resolved', 'rejected'];
const ACTIONS = Object.keys(DEMAND_TRANSITIONS) as DemandAction[];

const demandIn = (status: DemandStatus, assigneeId: string | null = null): DemandFacts => ({
  status,
  raisedBy: 'resident',
  assigneeId,
  wishId: null,
  text: '楼道灯坏了，晚上看不见路',
});
const as = (userId: string, ...actors: DemandActor[]): DemandCaller => ({ userId, actors: new Set(actors) });
const BRANCH = as('branch', 'branch');

function decided(result: DemandDecision | Refusal): DemandDecision {
  if (isRefusal(result)) throw new Error(`refused: ${result.error}`);
  return result;
}

describe('decideDemandAction', () => {
  it('tells the wrong person from the wrong moment', () => {
    expect(decideDemandAction(demandIn('reported'), as('x'), { action: 'accept' }, NOW)).toEqual({
      error: ErrorCode.DemandActionNotAllowed,
    });
    expect(decideDemandAction(demandIn('resolved'), BRANCH, { action: 'accept' }, NOW)).toEqual({
      error: ErrorCode.DemandWrongState,
    });
  });

  it('accepts on the status the caller saw, and writes it down as the branch’s work', () => {
    const accepted = decided(decideDemandAction(demandIn('reported'), BRANCH, { action: 'accept' }, NOW));
    expect(accepted).toEqual({
      action: 'accept',
      expect: { status: 'reported' },
      to: 'accepted',
      changes: { updatedAt: NOW },
      audit: { subjectId: 'resident' },
    });
  });

  it('rejects only with a reason, trimmed', () => {
    const reported = demandIn('reported');
    expect(decideDemandAction(reported, BRANCH, { action: 'reject', reason: '  ' }, NOW)).toEqual({
      error: ErrorCode.ValidationFailed,
      details: [{ field: 'reason', message: '请填写不予受理的原因' }],
    });
    const rejected = decided(
      decideDemandAction(reported, BRANCH, { action: 'reject', reason: ' 不属于社区办理范围 ' }, NOW),
    );
    expect(rejected.to).toBe('rejected');
    expect(rejected.changes.rejectReason).toBe('不属于社区办理范围');
  });

  it('assigns only an active member of the community, and keeps the status', () => {
    const accepted = demandIn('accepted');
    for (const assignee of [undefined, null, { userId: 'm1', active: false }])
      expect(decideDemandAction(accepted, BRANCH, { action: 'assign', assignee }, NOW)).toEqual({
        error: ErrorCode.MemberNotFound,
      });
    const assigned = decided(
      decideDemandAction(
        accepted,
        BRANCH,
        { action: 'assign', assignee: { userId: 'm1', active: true } },
        NOW,
      ),
    );
    expect(assigned.to).toBe('accepted');
    expect(assigned.changes.assigneeId).toBe('m1');
    expect(assigned.audit).toEqual({ subjectId: 'm1' });
  });

  it('lets the assignee resolve with what was done, unaudited: it is their own work', () => {
    const mine = demandIn('in_progress', 'm1');
    const resolved = decided(
      decideDemandAction(mine, as('m1', 'assignee'), { action: 'resolve', note: ' 已换灯泡 ' }, NOW),
    );
    expect(resolved.changes).toEqual({ resolution: '已换灯泡', resolvedBy: 'm1', updatedAt: NOW });
    expect(resolved.audit).toBeNull();
    const bare = decided(decideDemandAction(mine, BRANCH, { action: 'resolve', note: '  ' }, NOW));
    expect(bare.changes.resolution).toBeNull();
    expect(bare.audit).toEqual({ subjectId: 'resident' });
  });

  it('decides as the state machine checks, for random actions by random people', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...ACTIONS),
        fc.subarray<DemandActor>(['branch', 'assignee']),
        fc.option(fc.string(), { nil: undefined }),
        fc.boolean(),
        (status, action, actors, reason, active) => {
          const demand = demandIn(status, actors.includes('assignee') ? 'me' : 'someone');
          const result = decideDemandAction(
            demand,
            as('me', ...actors),
            { action, reason, note: reason, assignee: { userId: 'm1', active } },
            NOW,
          );
          const verdict = checkDemandTransition(action, status, new Set(actors));
          if (verdict !== 'ok') {
            expect(result).toEqual({
              error:
                verdict === 'not_allowed' ? ErrorCode.DemandActionNotAllowed : ErrorCode.DemandWrongState,
            });
            return;
          }
          if (isRefusal(result)) {
            expect([ErrorCode.ValidationFailed, ErrorCode.MemberNotFound]).toContain(result.error);
            return;
          }
          expect(result.expect).toEqual({ status });
          expect(result.to).toBe(DEMAND_TRANSITIONS[action].to ?? status);
          expect(result.audit === null).toBe(demand.assigneeId === 'me');
        },
      ),
    );
  });
});

describe('decideDemandToWish', () => {
  it('posts an open demand as a wish for its raiser, once, by the branch only', () => {
    const demand = demandIn('accepted');
    expect(decideDemandToWish(demand, new Set(['assignee']))).toEqual({
      error: ErrorCode.DemandActionNotAllowed,
    });
    expect(decideDemandToWish({ ...demand, wishId: 'w1' }, new Set(['branch']))).toEqual({
      error: ErrorCode.DemandWrongState,
    });
    for (const end of ['resolved', 'rejected'] as DemandStatus[])
      expect(decideDemandToWish(demandIn(end), new Set(['branch']))).toEqual({
        error: ErrorCode.DemandWrongState,
      });
    expect(decideDemandToWish(demand, new Set(['branch']))).toEqual({
      wish: {
        title: demand.text,
        description: demand.text,
        category: '生活帮扶',
        onBehalfOf: 'resident',
      },
      link: { expect: ['reported', 'accepted', 'in_progress'], to: 'in_progress' },
    });
  });

  it('titles the wish with the demand’s first 30 characters', () => {
    const long = { ...demandIn('reported'), text: '一'.repeat(40) };
    const decision = decideDemandToWish(long, new Set(['branch']));
    expect(isRefusal(decision) ? null : decision.wish.title).toBe('一'.repeat(30));
  });
});
