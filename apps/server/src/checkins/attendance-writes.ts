import { ErrorCode, TransferCode, Unit } from '@redvest/contract';
import { AttendanceClosing, AttendanceDecision } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { columnsOf, execute, hydrate, insertRows } from '../database/rows';
import { LedgerService } from '../ledger/ledger.service';

/** The idempotency key of an attendance's award: derived from the attendance, so a retry never pays twice. */
const awardKey = (attendanceId: string, unit: Unit) => `checkin:${attendanceId}:${unit}`;

/**
 * Writes what the check-in rules decided for an attendance: a new one within the capacity, or its closing
 * with the awards, each as a conditional update so that of two scans at once only one applies.
 */
@Injectable()
export class AttendanceWrites {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
  ) {}

  /** The person's attendance of the activity, locked for the rest of the transaction. */
  async lock(em: EntityManager, activityId: string, userId: string): Promise<Attendance | null> {
    const [row] = await em.query(
      `SELECT ${columnsOf(em, Attendance, 't')} FROM attendances t WHERE t.activity_id = ? AND t.user_id = ?${this.db.forUpdateSql}`,
      [activityId, userId],
    );
    return row ? hydrate(em, Attendance, row, 't') : null;
  }

  /** Writes what the rules decided for the attendance; `existing` is there unless it is a check-in. */
  async apply(
    em: EntityManager,
    activity: Activity,
    userId: string,
    existing: Attendance | null,
    decision: AttendanceDecision,
  ): Promise<Attendance> {
    if (decision.action === 'checked_in') return this.open(em, activity, userId, decision.open);
    if (decision.action === 'already_checked_in') return existing!;
    return this.close(em, existing!, decision.close);
  }

  /** A new attendance, within the capacity (a conditional update on the activity's count). */
  private async open(
    em: EntityManager,
    activity: Activity,
    userId: string,
    opening: { checkedInAt: Date; offline: boolean; proxyBy: string | null },
  ): Promise<Attendance> {
    const seat = await execute(
      em,
      'UPDATE activities SET attendee_count = attendee_count + 1 WHERE id = ? AND (capacity IS NULL OR attendee_count < capacity)',
      [activity.id],
    );
    if (seat === 0) throw new DomainError(ErrorCode.ActivityFull);
    const attendance: Attendance = {
      id: newId(),
      communityId: activity.communityId,
      activityId: activity.id,
      userId,
      ...opening,
      checkedOutAt: null,
      minutes: null,
      status: 'open',
      points: null,
      createdAt: new Date(),
    };
    await insertRows(em, Attendance, [attendance]);
    return attendance;
  }

  /**
   * Closes an attendance (a conditional update on its being open) and awards its points and minutes
   * through the ledger, linked, with keys derived from the attendance so a retry never awards twice.
   */
  async close(em: EntityManager, attendance: Attendance, closing: AttendanceClosing): Promise<Attendance> {
    const { awards, ...columns } = closing;
    const done = await em.update(Attendance, { id: attendance.id, status: 'open' }, columns);
    if (done.affected === 0) throw new DomainError(ErrorCode.AttendanceClosed);
    for (const award of awards) {
      await this.ledger.award(em, {
        communityId: attendance.communityId,
        userId: attendance.userId,
        unit: award.unit,
        amount: award.amount,
        code: TransferCode.Checkin,
        ref: { type: 'attendance', id: attendance.id },
        memo: award.memo,
        linkId: attendance.id,
        autoPost: award.autoPost,
        idempotencyKey: awardKey(attendance.id, award.unit),
        createdBy: null,
      });
    }
    return { ...attendance, ...columns };
  }
}
