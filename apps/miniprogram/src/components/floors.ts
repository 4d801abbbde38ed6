/** Where a household is in its building. */
export interface Placed {
  unit: string;
  floor: number;
  room: string;
}

/** Floors from the top down (as on a building's directory board), rooms in order within a floor. */
export function groupByFloor<T extends Placed>(households: readonly T[]): { floor: number; rooms: T[] }[] {
  const floors = new Map<number, T[]>();
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

export function floorLabel(floor: number): string {
  return floor < 0 ? `地下${-floor}层` : `${floor}层`;
}
