import { DemandStatus } from '@redvest/contract';
import { demandActions, demandTransition } from './demands';
import { floorRange, householdLabel, isOverdue, overdueCutoff } from './households';

describe('demands (诉求)', () => {
  it('moves reported → accepted → in_progress → resolved, or rejected', () => {
    const branch = new Set(['branch'] as const);
    expect(demandTransition('accept', 'reported', branch)).toEqual({ ok: true, to: 'accepted' });
    expect(demandTransition('start', 'accepted', branch)).toEqual({ ok: true, to: 'in_progress' });
    expect(demandTransition('resolve', 'in_progress', branch)).toEqual({ ok: true, to: 'resolved' });
    expect(demandTransition('reject', 'accepted', branch)).toEqual({ ok: true, to: 'rejected' });
    expect(demandTransition('resolve', 'reported', branch)).toEqual({ ok: false, why: 'wrong_state' });
    for (const end of ['resolved', 'rejected'] as DemandStatus[])
      expect(demandActions(end, branch)).toEqual([]);
  });

  it('lets the assignee start and resolve, and nothing else', () => {
    const assignee = new Set(['assignee'] as const);
    expect(demandActions('accepted', assignee)).toEqual(['start', 'resolve']);
    expect(demandTransition('accept', 'reported', assignee)).toEqual({ ok: false, why: 'not_allowed' });
  });
});

describe('households', () => {
  it('names a home and finds floor ranges without floor 0', () => {
    expect(householdLabel('3栋', '2单元', '1201')).toBe('3栋 2单元 1201');
    expect(householdLabel('1栋', '', '101')).toBe('1栋 101');
    expect(floorRange(27, 24)).toEqual([24, 25, 26, 27]);
    expect(floorRange(-1, 1)).toEqual([-1, 1]);
  });

  it('marks a household overdue after the configured days, or when never visited', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(isOverdue(null, now, 90)).toBe(true);
    expect(isOverdue(new Date('2026-09-01T00:00:00Z'), now, 90)).toBe(false);
    expect(isOverdue(new Date('2026-08-01T00:00:00Z'), now, 90)).toBe(true);
    // Exactly 90 days ago is not overdue yet; a moment earlier is. The cutoff is what a database compares.
    const cutoff = overdueCutoff(now, 90);
    expect(isOverdue(cutoff, now, 90)).toBe(false);
    expect(isOverdue(new Date(cutoff.getTime() - 1), now, 90)).toBe(true);
  });
});
