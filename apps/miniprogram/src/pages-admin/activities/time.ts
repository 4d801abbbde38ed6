/**
 * Activity times in the product's clock (China, UTC+8), whatever zone the phone is set to: the pickers give a
 * date (`2026-11-23`) and a time (`09:00`), the server wants ISO 8601 with `+08:00`.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const pad = (n: number) => String(n).padStart(2, '0');

export interface ChinaDateTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` */
  time: string;
}

/** A Date shifted so its UTC fields read as China's wall clock. */
function shifted(date: Date): Date {
  return new Date(date.getTime() + CHINA_OFFSET_MS);
}

export function chinaDateTime(value: string | Date): ChinaDateTime {
  const s = shifted(typeof value === 'string' ? new Date(value) : value);
  return {
    date: `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`,
    time: `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`,
  };
}

/** `2026-11-23` + `09:00` → `2026-11-23T09:00:00+08:00`. */
export function chinaIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The instant of a picked date and time (NaN when either is malformed). */
export function chinaInstant(date: string, time: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return NaN;
  return new Date(chinaIso(date, time)).getTime();
}

/** The day `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const base = new Date(`${date}T00:00:00Z`).getTime();
  const next = new Date(base + days * DAY_MS);
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY_MS,
  );
}

/** `11月23日 周一` for a picked date; another year than this one is written out: `2027年1月4日 周一`. */
export function dateLabel(date: string, now = new Date()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const year = match[1] === chinaDateTime(now).date.slice(0, 4) ? '' : `${match[1]}年`;
  return `${year}${Number(match[2])}月${Number(match[3])}日 周${WEEKDAYS[weekday]}`;
}
