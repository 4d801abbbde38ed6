/** How the ledger's numbers and times are written on screen. The product's clock is China time (UTC+8). */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaParts(date: Date) {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `11月23日 18:30` in China time; an earlier year is written out: `2025年11月23日 18:30`. */
export function formatDateTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const t = chinaParts(date);
  const year = t.year === chinaParts(now).year ? '' : `${t.year}年`;
  return `${year}${t.month}月${t.day}日 ${pad(t.hour)}:${pad(t.minute)}`;
}

/** Service minutes as hours with one decimal, for balances: 360 → `6.0`. */
export function hoursFixed(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** Service minutes as hours, for amounts: 120 → `2`, 90 → `1.5`, 20 → `0.3`. */
export function hoursShort(minutes: number): string {
  return String(Number((minutes / 60).toFixed(1)));
}

/** A signed amount with a real minus sign: `+15`, `−20`. */
export function signed(value: string | number, negative: boolean): string {
  return `${negative ? '−' : '+'}${value}`;
}

/** A key for one confirmation the user gives; retries of the same confirmation reuse it. */
export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
}
