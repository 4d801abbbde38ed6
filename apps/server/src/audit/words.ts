/** A secretary's reason or a title, cut short for a line of the 审计日志. */
export function clip(text: string, length = 100): string {
  const trimmed = text.trim();
  return trimmed.length > length ? `${trimmed.slice(0, length - 1)}…` : trimmed;
}
