import { chinaDay } from '../../services/format';

export interface MonthOption {
  /** `YYYY-MM`, as the coverage endpoint takes it. */
  value: string;
  label: string;
}

/** This month (China time) and the months before it, newest first. */
export function recentMonths(now = new Date(), count = 12): MonthOption[] {
  const [year, month] = chinaDay(now).split('-').map(Number);
  const current = year * 12 + month - 1;
  return Array.from({ length: count }, (_, back) => {
    const index = current - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    return {
      value: `${y}-${String(m).padStart(2, '0')}`,
      label: `${y}年${m}月${back === 0 ? '（本月）' : ''}`,
    };
  });
}
