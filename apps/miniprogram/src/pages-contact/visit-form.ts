import { CONTACT_LIMITS, DemandCategory, HouseholdFlag, VisitRequest } from '@redvest/contract';
import { isValidPhone, normalisePhone, textProblem } from '@redvest/domain';
import { checkText, UNSAFE_TEXT } from '../services/text-errors';

export interface DemandRow {
  /** Keeps a row's photo picker with its row when an earlier row is removed. */
  key: number;
  /** '' until one is chosen. */
  category: DemandCategory | '';
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

export type VisitFormErrors = Partial<Record<'phone' | 'notes' | 'demands', string>>;

/** Checks the form the way the server will, in plain words. */
export function validateVisit(form: VisitForm): VisitFormErrors {
  const errors: VisitFormErrors = {};
  if (form.phone.trim() && !isValidPhone(form.phone))
    errors.phone = '手机号码格式不正确，请填写 11 位手机号或带区号的座机';
  checkText(errors, 'notes', form.notes, CONTACT_LIMITS.visitNotes, {
    tooLong: (max) => `走访情况最多 ${max} 个字`,
  });
  const demandProblems = form.demands.map((demand) =>
    demand.category ? textProblem(demand.text, CONTACT_LIMITS.demandText) : 'required',
  );
  if (demandProblems.includes('required')) errors.demands = '每条诉求都要选类别并写明内容';
  else if (demandProblems.includes('too_long'))
    errors.demands = `每条诉求最多 ${CONTACT_LIMITS.demandText.max} 个字`;
  else if (demandProblems.includes('unsafe')) errors.demands = `诉求${UNSAFE_TEXT}`;
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
            // validateVisit has checked that every row has its category.
            category: demand.category as DemandCategory,
            text: demand.text.trim(),
            ...(demand.photoIds.length ? { photoIds: demand.photoIds } : {}),
          })),
        }
      : {}),
  };
}
