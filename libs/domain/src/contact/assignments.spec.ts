import { ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { isRefusal } from '../refusal';
import {
  AssignmentRow,
  AssignmentScope,
  assignmentScope,
  householdsInScope,
  isAssignmentConflict,
  onFloors,
  planAssignment,
} from './assignments';

describe('what an assignment covers', () => {
  it('takes listed households over a floor range', () => {
    expect(assignmentScope({ householdIds: ['h1'], buildingId: 'b1', floorFrom: 1, floorTo: 2 })).toEqual({
      householdIds: ['h1'],
    });
  });

  it('needs a building and both floors for a range', () => {
    const refusal = {
      error: ErrorCode.ValidationFailed,
      details: [{ field: 'buildingId', message: '请选择楼栋和楼层范围，或选择住户' }],
    };
    expect(assignmentScope({})).toEqual(refusal);
    expect(assignmentScope({ householdIds: [], buildingId: 'b1', floorFrom: 1 })).toEqual(refusal);
    expect(assignmentScope({ floorFrom: 1, floorTo: 3 })).toEqual(refusal);
  });

  it('covers the floors either way round, skipping floor 0, in one unit when named', () => {
    expect(assignmentScope({ buildingId: 'b1', floorFrom: 2, floorTo: -1 })).toEqual({
      buildingId: 'b1',
      floors: [-1, 1, 2],
    });
    const scope = { floors: [3, 4], unit: '2单元' };
    expect(onFloors({ floor: 3, unit: '2单元' }, scope)).toBe(true);
    expect(onFloors({ floor: 3, unit: '1单元' }, scope)).toBe(false);
    expect(onFloors({ floor: 5, unit: '2单元' }, scope)).toBe(false);
    expect(onFloors({ floor: 5, unit: '' }, { floors: [5] })).toBe(true);
  });
});

describe('planAssignment', () => {
  it('finds nothing to assign in an empty range', () => {
    expect(planAssignment('g1', [], [], false)).toEqual({ error: ErrorCode.NoHouseholdsMatched });
  });

  it('refuses households other groups hold, with the list, unless told to take them over', () => {
    const current = [
      { householdId: 'h1', groupId: 'g2' },
      { householdId: 'h2', groupId: 'g1' },
    ];
    expect(planAssignment('g1', ['h1', 'h2', 'h3'], current, false)).toEqual({
      error: ErrorCode.AssignmentConflict,
      details: { conflicts: [{ householdId: 'h1', groupId: 'g2' }] },
    });
    expect(planAssignment('g1', ['h1', 'h2', 'h3'], current, true)).toEqual({
      assign: ['h1', 'h3'],
      takeOver: [{ householdId: 'h1', groupId: 'g2' }],
    });
  });

  it('leaves the households the group holds already as they are', () => {
    expect(planAssignment('g1', ['h2'], [{ householdId: 'h2', groupId: 'g1' }], false)).toEqual({
      assign: [],
      takeOver: [],
    });
  });
});

/** A building of households on floors -2..12 (no floor 0) in up to three units. */
const building = fc
  .uniqueArray(
    fc.record({
      floor: fc.integer({ min: -2, max: 12 }).filter((floor) => floor !== 0),
      unit: fc.constantFrom('1单元', '2单元', '3单元'),
      room: fc.integer({ min: 1, max: 4 }),
    }),
    { selector: (h) => `${h.unit}/${h.floor}/${h.room}`, maxLength: 60 },
  )
  .map((rows) => rows.map((row, i) => ({ id: `h${i}`, buildingId: 'b1', ...row })));

const request = fc.record({
  groupId: fc.constantFrom('g1', 'g2', 'g3'),
  floorFrom: fc.integer({ min: -3, max: 13 }),
  floorTo: fc.integer({ min: -3, max: 13 }),
  unit: fc.option(fc.constantFrom('1单元', '2单元', '3单元'), { nil: undefined }),
  reassign: fc.boolean(),
});

describe('assigning floor ranges, one request after another', () => {
  it('assigns each household of a range exactly once, and never leaves a household in two groups', () => {
    fc.assert(
      fc.property(building, fc.array(request, { maxLength: 12 }), (households, requests) => {
        // The assignment table: one row per household and group, as the database holds it.
        let rows: AssignmentRow[] = [];
        for (const r of requests) {
          const scope = assignmentScope({ buildingId: 'b1', ...r }) as AssignmentScope;
          const covered = householdsInScope(households, scope).map((h) => h.id);
          const low = Math.min(r.floorFrom, r.floorTo);
          const high = Math.max(r.floorFrom, r.floorTo);
          // The range covers every household on its floors (and unit), each once.
          expect(new Set(covered).size).toBe(covered.length);
          expect(new Set(covered)).toEqual(
            new Set(
              households
                .filter((h) => h.floor >= low && h.floor <= high && (!r.unit || h.unit === r.unit))
                .map((h) => h.id),
            ),
          );
          const current = rows.filter((a) => covered.includes(a.householdId));
          const plan = planAssignment(r.groupId, covered, current, r.reassign);
          if (isRefusal(plan)) {
            if (covered.length === 0) expect(plan.error).toBe(ErrorCode.NoHouseholdsMatched);
            else {
              expect(isAssignmentConflict(plan) && !r.reassign).toBe(true);
              expect(isAssignmentConflict(plan) && plan.details.conflicts).toEqual(
                current.filter((a) => a.groupId !== r.groupId),
              );
            }
            continue;
          }
          const before = rows;
          const ended = new Set(plan.takeOver.map((a) => `${a.householdId}/${a.groupId}`));
          rows = rows.filter((a) => !ended.has(`${a.householdId}/${a.groupId}`));
          rows = [...rows, ...plan.assign.map((householdId) => ({ householdId, groupId: r.groupId }))];
          // No household in two groups (the household is the key of the table).
          const keys = rows.map((a) => a.householdId);
          expect(new Set(keys).size).toBe(keys.length);
          // Every covered household is now the group's, by exactly one row.
          for (const id of covered)
            expect(rows.filter((a) => a.householdId === id)).toEqual([
              { householdId: id, groupId: r.groupId },
            ]);
          // Households outside the range keep their group.
          expect(rows.filter((a) => !covered.includes(a.householdId))).toEqual(
            before.filter((a) => !covered.includes(a.householdId)),
          );
        }
      }),
    );
  });
});
