const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The product's clock zone, Asia/Shanghai, is UTC+8 all year (CLOCK_ZONE in the contract). */
const ZONE_OFFSET_MS = 8 * 60 * MINUTE;

/**
 * How far from now a date may lie, for what it means: `earliest` is a fixed first day (YYYY-MM-DD, in the
 * product's clock zone), `back` and `ahead` are durations from now.
 */
export interface DateBound {
  earliest?: string;
  back?: number;
  ahead: number;
}

/** The one place the product says which dates are sane (clients may use them for their pickers). */
export const DATE_BOUNDS = {
  /** A visit took place: not in the future (phone clocks drift a little), at most a year back (paper records typed in late). */
  visitedAt: { back: 366 * DAY, ahead: 5 * MINUTE },
  /** An activity is planned, or recorded afterwards, within a year of today. */
  activityTime: { back: 366 * DAY, ahead: 366 * DAY },
  /**
   * An offline scan: activities last at most 7 days and the scan must arrive before their end plus grace.
   * The finer future check (SCANNED_AT_IN_FUTURE) is the check-in rule's own.
   */
  scannedAt: { back: 30 * DAY, ahead: DAY },
  /** When a household moved in: residents have lived in their flats since the 1950s. */
  moveInDate: { earliest: '1900-01-01', ahead: DAY },
  /** When a resident would like a wish done: from today to a year ahead. */
  desiredDate: { back: DAY, ahead: 366 * DAY },
  /** A service certificate's period. */
  certificateDate: { earliest: '2000-01-01', ahead: 366 * DAY },
  /** A month of visit coverage. */
  reportMonth: { earliest: '2000-01-01', ahead: 366 * DAY },
  /** A day that filters a list (审计日志 from … to …). */
  filterDay: { earliest: '2000-01-01', ahead: 366 * DAY },
} as const satisfies Record<string, DateBound>;

/** Years of statements, evaluations and reports: from 2000 to next year. */
export const YEAR_BOUNDS = { earliest: 2000, yearsAhead: 1 } as const;

export function latestYear(now: Date = new Date()): number {
  return yearInZone(now) + YEAR_BOUNDS.yearsAhead;
}

export function isSaneYear(year: number, now: Date = new Date()): boolean {
  return Number.isInteger(year) && year >= YEAR_BOUNDS.earliest && year <= latestYear(now);
}

/** The first and the last moment a bound allows, now. */
export function rangeOf(bound: DateBound, now: Date = new Date()): { from: Date; to: Date } {
  const fromFixed = bound.earliest ? startOfDay(bound.earliest)!.getTime() : -Infinity;
  const fromBack = bound.back !== undefined ? now.getTime() - bound.back : -Infinity;
  return { from: new Date(Math.max(fromFixed, fromBack)), to: new Date(now.getTime() + bound.ahead) };
}

export function isWithin(date: Date, bound: DateBound, now: Date = new Date()): boolean {
  const { from, to } = rangeOf(bound, now);
  const time = date.getTime();
  return !Number.isNaN(time) && time >= from.getTime() && time <= to.getTime();
}

/**
 * `2026-11-23` or `2026-11` (the first of the month), as midnight in the product's clock zone; null when it
 * is not a day of the calendar (`2026-02-30`, `2026-13`).
 */
export function startOfDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '1')];
  const utc = Date.UTC(year, month - 1, day);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return null;
  return new Date(utc - ZONE_OFFSET_MS);
}

function yearInZone(now: Date): number {
  return new Date(now.getTime() + ZONE_OFFSET_MS).getUTCFullYear();
}
