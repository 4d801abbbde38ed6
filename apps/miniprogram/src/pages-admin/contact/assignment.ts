import {
  AssignHouseholdsRequest,
  AssignmentConflict,
  AssignmentResult,
  BuildingAssignments,
  ErrorCode,
} from '@redvest/contract';
import { ApiError } from '@redvest/api-client';
import { floorRange, onFloors } from '@redvest/domain';

export type MapHousehold = BuildingAssignments['households'][number];

/** A household on the floor map: this group's, another group's, or nobody's yet. */
export type HouseholdState = 'mine' | 'other' | 'free';

export function stateOf(household: MapHousehold, groupId: string): HouseholdState {
  if (!household.groupId) return 'free';
  return household.groupId === groupId ? 'mine' : 'other';
}

/** The building's units, in order; none when the building has a single one (nothing to choose). */
export function unitsOf(map: BuildingAssignments): string[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const units = [...new Set(map.households.map((household) => household.unit))].sort(collator.compare);
  return units.length > 1 ? units : [];
}

export interface RangeForm {
  /** '' for the whole building. */
  unit: string;
  floorFrom: string;
  floorTo: string;
}

export type RangeErrors = Partial<Record<'floorFrom' | 'floorTo', string>>;

const FLOOR = /^-?\d{1,3}$/;

/** A floor range to assign: 从 is needed, 到 defaults to the same floor; the range must hold households. */
export function checkRange(
  form: RangeForm,
  map: BuildingAssignments,
): { errors: RangeErrors; request?: AssignHouseholdsRequest; households: MapHousehold[] } {
  const errors: RangeErrors = {};
  const fromText = form.floorFrom.trim();
  const toText = form.floorTo.trim() || fromText;
  if (!fromText) errors.floorFrom = '请填写从第几层开始';
  else if (!FLOOR.test(fromText)) errors.floorFrom = '请填写楼层数字';
  if (fromText && !FLOOR.test(toText)) errors.floorTo = '请填写楼层数字';
  if (Object.keys(errors).length) return { errors, households: [] };
  const floorFrom = Number(fromText);
  const floorTo = Number(toText);
  if (floorTo < floorFrom) return { errors: { floorTo: '结束楼层不能低于开始楼层' }, households: [] };
  // The households the server will assign: the same rule, over the floor map.
  const scope = { floors: floorRange(floorFrom, floorTo), ...(form.unit ? { unit: form.unit } : {}) };
  const households = map.households.filter((household) => onFloors(household, scope));
  if (!households.length) return { errors: { floorTo: '这个范围里没有住户' }, households };
  return {
    errors,
    households,
    request: { buildingId: map.buildingId, ...(form.unit ? { unit: form.unit } : {}), floorFrom, floorTo },
  };
}

export function assignedMessage(result: AssignmentResult): string {
  if (!result.assigned) return '这些住户已经是本组的';
  if (result.reassigned) return `已分配 ${result.assigned} 户，其中改派 ${result.reassigned} 户`;
  return `已分配 ${result.assigned} 户`;
}

/** The households other groups have, when the server refused an assignment for them. */
export function conflictsOf(error: ApiError): AssignmentConflict[] | null {
  if (error.code !== ErrorCode.AssignmentConflict) return null;
  const conflicts = (error.details as { conflicts?: AssignmentConflict[] } | undefined)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : null;
}
