/** The product's clock zone is Asia/Shanghai (UTC+8, no daylight saving). */
export const CLOCK_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-23T18:30:00.000+08:00`: ISO 8601 with the product's offset. */
export function toIsoLocal(date: Date): string {
  const shifted = new Date(date.getTime() + OFFSET_MS).toISOString();
  return `${shifted.slice(0, -1)}+08:00`;
}
