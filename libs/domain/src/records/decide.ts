import { AttendanceStatus, ErrorCode, PointsRule, TransferStatus, Unit } from '@redvest/contract';
import { pointsFor } from '../checkin/minutes';
import { Refusal, refuse } from '../refusal';

/**
 * Service records as the Ministry of Civil Affairs' rules want them (DESIGN §3): a volunteer asks to
 * correct a record, a secretary accepts or refuses; a certificate covers the closed records of a period.
 */

const DAY_MS = 24 * 3600_000;
/** A certificate covers at most five years. */
export const MAX_CERTIFICATE_DAYS = 5 * 366;

export interface AttendanceRecord {
  userId: string;
  status: AttendanceStatus;
  minutes: number | null;
  points: number | null;
}

/** 申请更正: by the volunteer whose record it is, once it is closed, one request at a time. */
export function decideCorrectionRequest(
  attendance: AttendanceRecord,
  callerId: string,
  pendingRequest: boolean,
): { recordedMinutes: number } | Refusal {
  if (attendance.userId !== callerId) return refuse(ErrorCode.Forbidden);
  if (attendance.status === 'open') return refuse(ErrorCode.AttendanceOpen);
  if (pendingRequest) return refuse(ErrorCode.CorrectionPending);
  return { recordedMinutes: attendance.minutes ?? 0 };
}

/** A request is decided once: accepted or refused, it stays so. */
export function decideCorrectionDecision(correction: { status: string }): true | Refusal {
  return correction.status === 'pending' ? true : refuse(ErrorCode.CorrectionDecided);
}

/**
 * 同意更正: the record takes the requested minutes and the points they earn under the activity's rule;
 * the ledger gets an adjustment of the difference in each unit that changed.
 */
export function correctionOutcome(
  attendance: AttendanceRecord,
  rule: PointsRule,
  requestedMinutes: number,
): { minutes: number; points: number; adjustments: { unit: Unit; amount: number }[] } {
  const points = pointsFor(rule, requestedMinutes);
  const deltas: [Unit, number][] = [
    [Unit.Minutes, requestedMinutes - (attendance.minutes ?? 0)],
    [Unit.Points, points - (attendance.points ?? 0)],
  ];
  return {
    minutes: requestedMinutes,
    points,
    adjustments: deltas.filter(([, amount]) => amount !== 0).map(([unit, amount]) => ({ unit, amount })),
  };
}

/** The period of a certificate, `from` and `to` days included, in the product's clock zone. */
export function certificatePeriod(from: string, to: string): { start: Date; end: Date } | Refusal {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
  if (
    !(end > start) ||
    Number.isNaN(start.getTime()) ||
    end.getTime() - start.getTime() > MAX_CERTIFICATE_DAYS * DAY_MS
  )
    return refuse(ErrorCode.CertificatePeriodInvalid);
  return { start, end };
}

/**
 * The records a certificate lists: those with minutes served that are in the ledger, so the certificate says
 * what 我的积分 says. `minutesAward` is the status of the record's minutes award: waiting for approval or
 * refused, they are left out; posted, or none (minutes given by an accepted correction), they count. None is a
 * refusal.
 */
export function certifiedRecords<T extends { minutes: number | null; minutesAward?: TransferStatus }>(
  records: readonly T[],
): T[] | Refusal {
  const served = records.filter(
    (record) =>
      (record.minutes ?? 0) > 0 &&
      record.minutesAward !== TransferStatus.Pending &&
      record.minutesAward !== TransferStatus.Voided,
  );
  return served.length ? served : refuse(ErrorCode.NoServiceInPeriod);
}
