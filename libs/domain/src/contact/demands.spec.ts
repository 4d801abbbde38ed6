import { DemandStatus, Role } from '@redvest/contract';
import {
  checkDemandTransition,
  demandActions,
  DemandActor,
  demandActorsFor,
  demandDisclosure,
  demandStatusAfter,
} from './demands';

describe('demands (诉求)', () => {
  it('moves reported → accepted → in_progress → resolved, or rejected', () => {
    const branch = new Set<DemandActor>(['branch']);
    expect(checkDemandTransition('accept', 'reported', branch)).toBe('ok');
    expect(demandStatusAfter('accept', 'reported')).toBe('accepted');
    expect(checkDemandTransition('start', 'accepted', branch)).toBe('ok');
    expect(demandStatusAfter('start', 'accepted')).toBe('in_progress');
    expect(checkDemandTransition('resolve', 'in_progress', branch)).toBe('ok');
    expect(demandStatusAfter('resolve', 'in_progress')).toBe('resolved');
    expect(checkDemandTransition('reject', 'accepted', branch)).toBe('ok');
    expect(demandStatusAfter('reject', 'accepted')).toBe('rejected');
    expect(checkDemandTransition('resolve', 'reported', branch)).toBe('wrong_state');
    for (const end of ['resolved', 'rejected'] as DemandStatus[])
      expect(demandActions(end, branch)).toEqual([]);
  });

  it('keeps the status when a demand is assigned', () => {
    expect(checkDemandTransition('assign', 'in_progress', new Set(['branch']))).toBe('ok');
    expect(demandStatusAfter('assign', 'in_progress')).toBe('in_progress');
    expect(demandStatusAfter('assign', 'accepted')).toBe('accepted');
  });

  it('lets the assignee start and resolve, and nothing else', () => {
    const assignee = new Set<DemandActor>(['assignee']);
    expect(demandActions('accepted', assignee)).toEqual(['start', 'resolve']);
    expect(checkDemandTransition('accept', 'reported', assignee)).toBe('not_allowed');
  });
});

describe('who someone is to a demand', () => {
  const demand = { compoundId: 'c1', assigneeId: 'm1' };
  const standing = (userId: string, granted: Role[], branchCompoundIds: string[] = []) => ({
    userId,
    granted,
    branchCompoundIds,
  });

  it('makes the secretary and the branch of its compound its branch, and its member the assignee', () => {
    expect(demandActorsFor(demand, standing('s', [Role.Secretary]))).toEqual(new Set(['branch']));
    expect(demandActorsFor(demand, standing('b', [Role.BranchSecretary], ['c1']))).toEqual(
      new Set(['branch']),
    );
    expect(demandActorsFor(demand, standing('b', [Role.BranchSecretary], ['c2']))).toEqual(new Set());
    expect(demandActorsFor(demand, standing('m1', [Role.PartyMember]))).toEqual(new Set(['assignee']));
  });

  it('gives a demand of no compound to the secretary alone', () => {
    const loose = { compoundId: null, assigneeId: null };
    expect(demandActorsFor(loose, standing('s', [Role.Secretary]))).toEqual(new Set(['branch']));
    expect(demandActorsFor(loose, standing('b', [Role.BranchSecretary], ['c1']))).toEqual(new Set());
  });

  it('shows ids to the branch only, and names in full to those who work on it', () => {
    expect(demandDisclosure(new Set(['branch']), false)).toEqual({
      ids: true,
      raiserInFull: true,
      assigneeInFull: true,
    });
    expect(demandDisclosure(new Set(['assignee']), false)).toEqual({
      ids: false,
      raiserInFull: true,
      assigneeInFull: true,
    });
    // The resident who raised it sees their own name, and the assignee's masked.
    expect(demandDisclosure(new Set(), true)).toEqual({
      ids: false,
      raiserInFull: true,
      assigneeInFull: false,
    });
  });
});
