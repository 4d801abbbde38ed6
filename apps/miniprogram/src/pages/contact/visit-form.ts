import { HouseholdFlag, VisitRequest } from '@redvest/contract';
import { isValidPhone, normalisePhone } from '@redvest/domain';

/** The categories the server accepts for a demand (群众诉求). */
export const DEMAND_CATEGORIES = [
  '养老服务',
  '医疗健康',
  '就业帮扶',
  '住房维修',
  '环境卫生',
  '邻里纠纷',
  '政策咨询',
  '其他',
] as const;

export interface DemandRow {
  /** Keeps a row's photo picker with its row when an earlier row is removed. */
  key: number;
  category: string;
  text: string;
  photoIds: string[];
}

export interface VisitForm {
  /** `2026-11-23`, a day in China. */
  day: string;
  /** The group's other members who came along (同行走访). */
  visitorIds: string[];
  residents: number;
  rented: boolean | null;
  /** `2019-05`: the month the household moved in, when they said. */
  moveInMonth: string;
  phone: string;
  flags: HouseholdFlag[];
  notes: string;
  demands: DemandRow[];
}

export type VisitFormErrors = Partial<Record<'phone' | 'demands', string>>;

export function validateVisit(form: VisitForm): VisitFormErrors {
  const errors: VisitFormErrors = {};
  if (form.phone.trim() && !isValidPhone(form.phone))
    errors.phone = '手机号码格式不正确，请填写 11 位手机号或带区号的座机';
  if (form.demands.some((demand) => !demand.category || !demand.text.trim()))
    errors.demands = '每条诉求都要选类别并写明内容';
  return errors;
}

/** The request for a filled form: today's visit is stamped now, an earlier day at noon China time. */
export function toVisitRequest(form: VisitForm, today: string, now = new Date()): VisitRequest {
  const phone = form.phone.trim() ? normalisePhone(form.phone) : '';
  const notes = form.notes.trim();
  return {
    visitedAt: form.day === today ? now.toISOString() : `${form.day}T12:00:00.000+08:00`,
    ...(form.visitorIds.length ? { visitorIds: form.visitorIds } : {}),
    residents: form.residents,
    ...(form.rented !== null ? { rented: form.rented } : {}),
    ...(form.moveInMonth ? { moveInDate: form.moveInMonth } : {}),
    ...(phone ? { phone } : {}),
    flags: form.flags,
    ...(notes ? { notes } : {}),
    ...(form.demands.length
      ? {
          demands: form.demands.map((demand) => ({
            category: demand.category,
            text: demand.text.trim(),
            ...(demand.photoIds.length ? { photoIds: demand.photoIds } : {}),
          })),
        }
      : {}),
  };
}
