import { AUDIT_ACTION_LABELS, AuditAction, AuditLogQuery } from '@redvest/contract';
import { chinaDay } from '../../services/format';

export type Period = 'today' | 'week' | 'month' | 'all';

export const PERIODS: readonly { key: Period; label: string }[] = [
  { key: 'today', label: '今天' },
  { key: 'week', label: '近7天' },
  { key: 'month', label: '近30天' },
  { key: 'all', label: '全部' },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const BACK: Record<Exclude<Period, 'all'>, number> = { today: 0, week: 6, month: 29 };

/** The chosen period as the days the server filters by (China time, both ends included). */
export function periodDays(period: Period, now = new Date()): Pick<AuditLogQuery, 'from' | 'to'> {
  if (period === 'all') return {};
  return { from: chinaDay(new Date(now.getTime() - BACK[period] * DAY_MS)), to: chinaDay(now) };
}

/** The action picker's wheel: 全部动作 first, then every action in the contract's order. */
export const ACTION_CHOICES: readonly { action: AuditAction | undefined; label: string }[] = [
  { action: undefined, label: '全部动作' },
  ...Object.values(AuditAction).map((action) => ({ action, label: AUDIT_ACTION_LABELS[action] })),
];

export interface AuditFilters {
  period: Period;
  action?: AuditAction;
  actor?: { id: string; name: string };
}

export function filterQuery(
  filters: AuditFilters,
  now = new Date(),
): Omit<AuditLogQuery, 'cursor' | 'limit'> {
  return {
    ...periodDays(filters.period, now),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actorId: filters.actor.id } : {}),
  };
}

export function auditExportFileName(now = new Date()): string {
  return `审计日志-${chinaDay(now)}.xlsx`;
}
