/** 3栋 2单元 1201 — how people name a home. */
export function householdLabel(building: string, unit: string, room: string): string {
  return [building, unit, room].filter(Boolean).join(' ');
}

/** A household is overdue when nobody visited it within `days` (or ever). */
export function isOverdue(lastVisitedAt: Date | null, now: Date, days: number): boolean {
  return !lastVisitedAt || lastVisitedAt < overdueCutoff(now, days);
}

/** A household last visited before this moment is overdue (so a database can count them). */
export function overdueCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 3600_000);
}

/** Floors from `from` to `to`, either way round, skipping floor 0 (there is none). */
export function floorRange(from: number, to: number): number[] {
  const [low, high] = from <= to ? [from, to] : [to, from];
  const floors: number[] = [];
  for (let floor = low; floor <= high; floor++) if (floor !== 0) floors.push(floor);
  return floors;
}
