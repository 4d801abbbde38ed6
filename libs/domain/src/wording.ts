/**
 * Service minutes in words, the one way every page and document writes a duration: under an hour `45 分钟`,
 * else `1 小时 20 分钟`, or `2 小时` on the hour. Spreadsheets, which sum and sort, take decimal hours instead.
 */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (!hours) return `${rest} 分钟`;
  return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
}

/** A calendar day (`2026-01-01`) as documents write it: `2026年1月1日`. Not a day: left as it is. */
export function writtenDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : day;
}
