import { chinaDay } from '../services/format';

export interface CorrectionForm {
  hours: string;
  minutes: string;
  reason: string;
}

export type CorrectionErrors = Partial<Record<'time' | 'reason', string>>;

/** The server takes at most a week of minutes and a reason of up to 200 characters. */
const MAX_MINUTES = 7 * 24 * 60;
export const MAX_REASON = 200;

const WHOLE = /^\d{1,4}$/;

/** The minutes asked for, or the errors to show under the fields. */
export function checkCorrection(
  form: CorrectionForm,
  recordedMinutes: number,
): { minutes: number } | { errors: CorrectionErrors } {
  const errors: CorrectionErrors = {};
  const hours = form.hours.trim() || '0';
  const minutes = form.minutes.trim() || '0';
  let total = 0;
  if (!WHOLE.test(hours) || !WHOLE.test(minutes) || Number(minutes) > 59) {
    errors.time = '请填写整数：小时，以及 0 到 59 分钟';
  } else {
    total = Number(hours) * 60 + Number(minutes);
    if (total > MAX_MINUTES) errors.time = '服务时长不能超过 7 天';
    else if (total === recordedMinutes) errors.time = '与现在记录的时长相同，请填写实际服务的时长';
  }
  const reason = form.reason.trim();
  if (!reason) errors.reason = '请说明原因，例如“签退时手机没电，实际服务到 11 点”';
  else if (reason.length > MAX_REASON) errors.reason = `原因请控制在 ${MAX_REASON} 字以内`;
  return Object.keys(errors).length ? { errors } : { minutes: total };
}

export type PeriodKind = 'this_year' | 'last_year' | 'custom';

/** The days a certificate covers (YYYY-MM-DD, China time): this year so far, last year, or the chosen days. */
export function certificatePeriod(
  kind: PeriodKind,
  custom: { from: string; to: string },
  now = new Date(),
): { from: string; to: string } {
  const today = chinaDay(now);
  const year = Number(today.slice(0, 4));
  if (kind === 'this_year') return { from: `${year}-01-01`, to: today };
  if (kind === 'last_year') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  return custom;
}

/** Why a chosen period cannot be used, or null. */
export function periodProblem(period: { from: string; to: string }): string | null {
  if (!period.from || !period.to) return '请选择开始和结束日期';
  if (period.from > period.to) return '开始日期不能晚于结束日期';
  return null;
}
