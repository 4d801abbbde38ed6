import { Unit } from '@redvest/contract';

/** The idempotency key of an attendance's award: derived from the attendance, so a retry never pays twice. */
export function checkinAwardKey(attendanceId: string, unit: Unit): string {
  return `checkin:${attendanceId}:${unit}`;
}
