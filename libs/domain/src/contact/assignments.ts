import { AssignHouseholdsRequest, ErrorCode } from '@redvest/contract';
import { invalidField, Refusal, refuse } from '../refusal';
import { floorRange } from './households';

/** 包干到户: a building's floors (optionally one unit), each floor from `floorRange`. */
export interface FloorScope {
  buildingId: string;
  floors: readonly number[];
  /** Left out: every unit of the building. */
  unit?: string;
}

/** What an assignment covers: the households listed, or a building's floors. */
export type AssignmentScope = { householdIds: readonly string[] } | FloorScope;

/** The scope of an assignment request: listed households win over a floor range, which needs all three fields. */
export function assignmentScope(request: AssignHouseholdsRequest): AssignmentScope | Refusal {
  if (request.householdIds?.length) return { householdIds: request.householdIds };
  const { buildingId, floorFrom, floorTo, unit } = request;
  if (!buildingId || floorFrom === undefined || floorTo === undefined)
    return invalidField('buildingId', '请选择楼栋和楼层范围，或选择住户');
  return { buildingId, floors: floorRange(floorFrom, floorTo), ...(unit !== undefined ? { unit } : {}) };
}

/** Whether a household of the scope's building lies on its floors (and in its unit, when one is named). */
export function onFloors(
  household: { floor: number; unit: string },
  scope: Pick<FloorScope, 'floors' | 'unit'>,
): boolean {
  return (
    scope.floors.includes(household.floor) && (scope.unit === undefined || household.unit === scope.unit)
  );
}

/** The households of `households` an assignment covers. */
export function householdsInScope<H extends { id: string; buildingId: string; floor: number; unit: string }>(
  households: readonly H[],
  scope: AssignmentScope,
): H[] {
  if ('householdIds' in scope) return households.filter((h) => scope.householdIds.includes(h.id));
  return households.filter((h) => h.buildingId === scope.buildingId && onFloors(h, scope));
}

/** One household's group: at most one (the household is the key of its row). */
export interface AssignmentRow {
  householdId: string;
  groupId: string;
}

/** What an assignment does: the households that become the group's, and other groups' that it takes over. */
export interface AssignmentPlan {
  /** Every covered household the group does not hold yet, taken over ones included. */
  assign: string[];
  /** Their assignments to other groups end (into the history, as reassigned). */
  takeOver: AssignmentRow[];
}

/** Households other groups hold: refused with the list, unless the request takes them over. */
export interface AssignmentConflictRefusal extends Refusal {
  error: ErrorCode.AssignmentConflict;
  details: { conflicts: AssignmentRow[] };
}

/** Of `current`, the assignments held by groups other than `groupId`. */
export function heldByOthers(groupId: string, current: readonly AssignmentRow[]): AssignmentRow[] {
  return current.filter((a) => a.groupId !== groupId);
}

/**
 * Assigns the covered households to the group. `current` are the covered households' assignments now;
 * households the group holds already are left as they are.
 */
export function planAssignment(
  groupId: string,
  covered: readonly string[],
  current: readonly AssignmentRow[],
  reassign: boolean,
): AssignmentPlan | AssignmentConflictRefusal | Refusal {
  if (covered.length === 0) return refuse(ErrorCode.NoHouseholdsMatched);
  const others = heldByOthers(groupId, current);
  if (others.length && !reassign)
    return { error: ErrorCode.AssignmentConflict, details: { conflicts: others } };
  const held = new Set(current.filter((a) => a.groupId === groupId).map((a) => a.householdId));
  return { assign: [...new Set(covered)].filter((id) => !held.has(id)), takeOver: others };
}

export function isAssignmentConflict(result: unknown): result is AssignmentConflictRefusal {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as Refusal).error === ErrorCode.AssignmentConflict
  );
}
