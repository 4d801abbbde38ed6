import { ActivityView, AttendeeView, Page } from '@redvest/contract';
import { maskPhone } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AttendanceViews } from '../checkins/attendance-views';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { memberNames } from '../communities/member-names';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { EXPORT_PAGING } from '../common/xlsx-stream';
import { Activity } from './activity.entity';
import type { AttendanceSheetRow } from './attendance-export';
import { Attendance } from './attendance.entity';
import { ActivitiesQuery } from './dto';
import { Enrolment } from './enrolment.entity';
import { activityView } from './views';

/** Activities as people see them: one, a list, and who came. */
@Injectable()
export class ActivityViews {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly attendances: AttendanceViews,
  ) {}

  async get(activityId: string, userId?: string): Promise<ActivityView> {
    return this.db.read(async (em) =>
      this.view(em, await em.findOneOrFail(Activity, { where: { id: activityId } }), userId),
    );
  }

  /**
   * Upcoming soonest first; running and past most recent first. The cursor is the last item's start time
   * and id, so paging is stable when several activities start at the same moment.
   */
  async list(communityId: string, userId: string, query: ActivitiesQuery): Promise<Page<ActivityView>> {
    const limit = query.limit ?? 20;
    const now = new Date();
    const ascending = query.when === 'upcoming';
    return this.db.read(async (em) => {
      const qb = em.createQueryBuilder(Activity, 'a').where('a.community_id = :communityId', { communityId });
      if (query.category) qb.andWhere('a.category = :category', { category: query.category });
      if (query.when === 'upcoming') qb.andWhere('a.start_at > :now AND a.cancelled_at IS NULL', { now });
      if (query.when === 'running')
        qb.andWhere('a.start_at <= :now AND a.end_at >= :now AND a.cancelled_at IS NULL', { now });
      if (query.when === 'past') qb.andWhere('(a.end_at < :now OR a.cancelled_at IS NOT NULL)', { now });
      const cursor = decodeCursor(query.cursor);
      if (cursor) {
        const after = ascending ? '>' : '<';
        qb.andWhere(`(a.start_at ${after} :at OR (a.start_at = :at AND a.id ${after} :id))`, {
          at: cursor.at,
          id: cursor.id,
        });
      }
      const direction = ascending ? 'ASC' : 'DESC';
      const rows = await qb
        .orderBy('a.start_at', direction)
        .addOrderBy('a.id', direction)
        .take(limit + 1)
        .getMany();
      const page = rows.slice(0, limit);
      const items = await this.views(em, page, userId);
      const last = page[page.length - 1];
      return { items, nextCursor: rows.length > limit ? `${last.startAt.getTime()}.${last.id}` : null };
    });
  }

  /** Who came: for the organiser, with phones masked. */
  async attendees(activityId: string): Promise<{ items: AttendeeView[] }> {
    return this.db.read(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      const rows = await em.find(Attendance, { where: { activityId }, order: { checkedInAt: 'ASC' } });
      const people = await this.people(
        em,
        activity.communityId,
        rows.map((r) => r.userId),
      );
      const views = await this.attendances.build(em, rows, new Map([[activity.id, activity.title]]));
      return { items: views.map((view) => ({ ...view, ...people(view.userId) })) };
    });
  }

  /** The activity whose 签到名单 is exported (404 when there is none) and how many came, before any row is read. */
  async exportSelection(activityId: string): Promise<{ activity: Activity; attendees: number }> {
    return this.db.read(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      return { activity, attendees: await em.count(Attendance, { where: { activityId } }) };
    });
  }

  /**
   * 签到名单's rows in check-in order, a page at a time, each read when the file needs it: keyset paging on
   * (checked_in_at, id), which `ix_attendances_activity_time` serves, with the page's names and phones.
   */
  async *exportPages(activity: Activity): AsyncGenerator<AttendanceSheetRow[]> {
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const size = EXPORT_PAGING.rows;
      const page = await this.db.read(async (em) => {
        const select = em
          .createQueryBuilder(Attendance, 'a')
          .where('a.activity_id = :activityId', { activityId: activity.id });
        // The first condition alone bounds the index range; the second skips the rows at the same moment before.
        if (after) select.andWhere('a.checked_in_at >= :at AND (a.checked_in_at > :at OR a.id > :id)', after);
        const rows = await select
          .orderBy('a.checked_in_at', 'ASC')
          .addOrderBy('a.id', 'ASC')
          .limit(size)
          .getMany();
        const people = await this.people(
          em,
          activity.communityId,
          rows.map((r) => r.userId),
        );
        return rows.map((row) => {
          const { name, phone } = people(row.userId);
          return {
            name,
            phone,
            checkedInAt: row.checkedInAt,
            checkedOutAt: row.checkedOutAt,
            minutes: row.minutes,
            points: row.points,
            status: row.status,
            proxyBy: row.proxyBy,
            offline: Boolean(row.offline),
            id: row.id,
          };
        });
      });
      if (page.length) yield page;
      if (page.length < size) return;
      const last = page[page.length - 1];
      after = { at: last.checkedInAt, id: last.id };
    }
  }

  /**
   * Names and masked phones of these attendees, in a fixed number of statements: one for the members, and for
   * those without a real name (or no longer members) the rest of `memberNames`.
   */
  private async people(
    em: EntityManager,
    communityId: string,
    userIds: string[],
  ): Promise<(userId: string) => { name: string; phone: string | null }> {
    const ids = [...new Set(userIds)];
    const memberships = ids.length
      ? await em.find(Membership, {
          where: { communityId, userId: In(ids) },
          select: { userId: true, realName: true, phoneEnc: true },
        })
      : [];
    const named = new Map<string, string>();
    const phoneOf = new Map<string, string | null>();
    for (const m of memberships) {
      if (m.realName) named.set(m.userId, m.realName);
      phoneOf.set(m.userId, m.phoneEnc ? maskPhone(this.cipher.decrypt(m.phoneEnc)) : null);
    }
    const unnamed = ids.filter((id) => !named.has(id));
    const names = unnamed.length ? await memberNames(em, communityId, unnamed) : new Map<string, string>();
    return (userId) => ({
      name: named.get(userId) ?? names.get(userId) ?? '',
      phone: phoneOf.get(userId) ?? null,
    });
  }

  /** An activity with its 报名 count, and for `userId` their 报名 and attendance. */
  async view(em: EntityManager, activity: Activity, userId?: string): Promise<ActivityView> {
    return (await this.views(em, [activity], userId))[0];
  }

  /** The same for a page of activities, in a fixed number of statements however long the page. */
  private async views(em: EntityManager, activities: Activity[], userId?: string): Promise<ActivityView[]> {
    if (activities.length === 0) return [];
    const ids = activities.map((a) => a.id);
    const counts = await em
      .createQueryBuilder(Enrolment, 'e')
      .select('e.activity_id', 'activityId')
      .addSelect('COUNT(*)', 'n')
      .where('e.activity_id IN (:...ids)', { ids })
      .groupBy('e.activity_id')
      .getRawMany<{ activityId: string; n: string | number }>();
    const enrolledCount = new Map(counts.map((c) => [c.activityId, Number(c.n)]));
    if (!userId) return activities.map((a) => activityView(a, enrolledCount.get(a.id) ?? 0));
    const mine = await em.find(Enrolment, {
      where: { activityId: In(ids), userId },
      select: { activityId: true },
    });
    const enrolled = new Set(mine.map((e) => e.activityId));
    const attendances = await em.find(Attendance, { where: { activityId: In(ids), userId } });
    const titles = new Map(activities.map((a) => [a.id, a.title]));
    const attendanceViews = await this.attendances.build(em, attendances, titles);
    const attendanceOf = new Map(attendanceViews.map((view) => [view.activityId, view]));
    return activities.map((a) =>
      activityView(a, enrolledCount.get(a.id) ?? 0, {
        enrolled: enrolled.has(a.id),
        attendance: attendanceOf.get(a.id) ?? null,
      }),
    );
  }
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const match = cursor ? /^(\d{10,16})\.([0-9a-f-]{36})$/.exec(cursor) : null;
  return match ? { at: new Date(Number(match[1])), id: match[2] } : null;
}
