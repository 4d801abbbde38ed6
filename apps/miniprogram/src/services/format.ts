import type { PointsRule } from '@redvest/contract';

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

/** `18:30`: the time of day in China. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const t = chinaParts(date);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** `11月23日` in China time; an earlier or later year is written out: `2025年11月23日`. */
export function formatDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const t = chinaParts(date);
  const year = t.year === chinaParts(now).year ? '' : `${t.year}年`;
  return `${year}${t.month}月${t.day}日`;
}

/** An activity's time: `11月23日 14:00–17:00` on one day, both ends in full otherwise. */
export function formatTimeRange(startIso: string, endIso: string, now = new Date()): string {
  const sameDay = formatDate(startIso, now) === formatDate(endIso, now);
  return sameDay
    ? `${formatDateTime(startIso, now)}–${formatClock(endIso)}`
    : `${formatDateTime(startIso, now)} 至 ${formatDateTime(endIso, now)}`;
}

/** Durations are written by the shared rule: `45 分钟`, `1 小时 20 分钟`, `2 小时`. */
export { formatDuration } from '@redvest/domain';

/** `2026-07` (or a day in it) as the app writes a month: `2026年7月`. */
export function writtenMonth(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** `2026-11-23`: a calendar day in China, as the server's date fields take it. */
export function chinaDay(date: Date): string {
  const t = chinaParts(date);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** A signed amount with a real minus sign: `+15`, `−20`. */
export function signed(value: string | number, negative: boolean): string {
  return `${negative ? '−' : '+'}${value}`;
}

/** A key for one confirmation the user gives; retries of the same confirmation reuse it. */
export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
}

/** An activity's points rule in words: `每次 10 积分`, `每满 1 小时 5 积分`. */
export function pointsRuleText(rule: PointsRule): string {
  return rule.kind === 'per_hour' ? `每满 1 小时 ${rule.points} 积分` : `每次 ${rule.points} 积分`;
}
