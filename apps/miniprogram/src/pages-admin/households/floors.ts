import { HouseholdView } from '@redvest/contract';

/** Floors from the top down (as on a building's directory board), rooms in order within a floor. */
export function groupByFloor(households: HouseholdView[]): { floor: number; rooms: HouseholdView[] }[] {
  const floors = new Map<number, HouseholdView[]>();
  for (const household of households)
    floors.set(household.floor, [...(floors.get(household.floor) ?? []), household]);
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...floors.entries()]
    .sort(([a], [b]) => b - a)
    .map(([floor, rooms]) => ({
      floor,
      rooms: rooms.sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.room, b.room)),
    }));
}
