import { redactPersonalData } from '../common/log-redaction';

/**
 * A secretary's reason or a title, cut short for a line of the 审计日志; phone and ID numbers are masked
 * before the cut, so that none is left half there.
 */
export function clip(text: string, length = 100): string {
  const trimmed = redactPersonalData(text.trim());
  return trimmed.length > length ? `${trimmed.slice(0, length - 1)}…` : trimmed;
}
