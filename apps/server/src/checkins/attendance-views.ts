import { AttendanceView, Page, TransferStatus, Unit } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { attendanceView } from '../activities/views';
import { Db } from '../database/db';
import { LedgerReadsService } from '../ledger/ledger-reads.service';

/** Attendances as people see them: with the activity's title and whether the points still wait for approval. */
@Injectable()
export class AttendanceViews {
  constructor(
    private readonly db: Db,
    private readonly ledgerReads: LedgerReadsService,
  ) {}

  /** One read of the ledger for all of them; `titles` by activity id. */
  async build(
    em: EntityManager,
    rows: Attendance[],
    titles: ReadonlyMap<string, string>,
  ): Promise<AttendanceView[]> {
    const awards = await this.ledgerReads.awardStatus(em, {
      refType: 'attendance',
      refIds: rows.map((r) => r.id),
    });
    return rows.map((row) =>
      attendanceView(
        row,
        titles.get(row.activityId) ?? '',
        awards.get(row.id)?.[Unit.Points] === TransferStatus.Pending,
      ),
    );
  }

  async one(em: EntityManager, attendance: Attendance, title: string): Promise<AttendanceView> {
    const [view] = await this.build(em, [attendance], new Map([[attendance.activityId, title]]));
    return view;
  }

  /** My attendances, newest first. */
  async mine(userId: string, cursor?: string, limit = 20): Promise<Page<AttendanceView>> {
    return this.db.read(async (em) => {
      const rows = await em.find(Attendance, {
        where: { userId, ...(cursor ? { id: LessThan(cursor) } : {}) },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      const activities = page.length
        ? await em.find(Activity, { where: { id: In(page.map((r) => r.activityId)) } })
        : [];
      const titles = new Map(activities.map((a) => [a.id, a.title]));
      return {
        items: await this.build(em, page, titles),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }
}
