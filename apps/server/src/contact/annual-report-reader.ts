import { AnnualMemberReport, Role, WishStatus } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Attendance } from '../activities/attendance.entity';
import { EXPORT_PAGING, nextTurn } from '../common/xlsx-stream';
import { Employer } from '../communities/employer.entity';
import { memberNames } from '../communities/member-names';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { LedgerReadsService } from '../ledger/ledger-reads.service';
import { Wish } from '../wishes/wish.entity';
import { Demand, Visit } from './entities';
import { MemberRating } from './lists.entities';

/** The roles of the in-service members evaluated. */
const PARTY_ROLES = [Role.PartyMember, Role.GroupLeader];

/** Attendances that count as service: checked out, or closed by the end-of-day rule. */
const SERVED = "a.status IN ('closed', 'unclosed')";

/** A page of one employer's members; the pages of an employer come one after another. */
export interface AnnualReportPage {
  /** The employer's place in the report (0, 1, …): a new number starts a new sheet. */
  group: number;
  employer: string | null;
  members: AnnualMemberReport[];
}

/** Who a member is, and where in the report they come: all that is kept of a member before their page. */
interface MemberKey {
  userId: string;
  membershipId: string;
  name: string;
}

/**
 * 年度服务情况: what each in-service member did in a year, employer by employer in the order of their names
 * (members without one first, as `~` sorts), and within one by name (both in pinyin order); a page at a time.
 *
 * Only the members' ids and names are read up front (a few dozen bytes each), to put them in that order: the
 * database's collations do not sort Chinese by pinyin. Their records are then read a page of members at a
 * time (a page-sized IN list on the indexed user columns), the year's visits once, in pages, into a count per
 * visitor.
 */
@Injectable()
export class AnnualReportReader {
  constructor(
    private readonly db: Db,
    private readonly ledgerReads: LedgerReadsService,
  ) {}

  async *pages(communityId: string, year: number): AsyncGenerator<AnnualReportPage> {
    const period = yearPeriod(year);
    const groups = await this.db.read((em) => this.groups(em, communityId));
    if (groups.length === 0) return;
    const visits = await this.visitsByVisitor(communityId, period);
    for (const [group, { employer, members: keys }] of groups.entries()) {
      for (let i = 0; i < keys.length; i += EXPORT_PAGING.rows) {
        const page = keys.slice(i, i + EXPORT_PAGING.rows);
        const members = await this.db.read((em) =>
          this.reports(em, { communityId, year, period, employer }, page, visits),
        );
        yield { group, employer, members };
      }
    }
  }

  /** The party members' keys, a page at a time by user id, grouped by employer and put in the report's order. */
  private async groups(
    em: EntityManager,
    communityId: string,
  ): Promise<{ employer: string | null; members: MemberKey[] }[]> {
    const employers = new Map(
      (await em.find(Employer, { where: { communityId } })).map((e) => [e.id, e.name] as const),
    );
    const byEmployer = new Map<string | null, MemberKey[]>();
    for (let after = ''; ;) {
      const page = await em
        .createQueryBuilder(Membership, 'm')
        .select(['m.id', 'm.userId', 'm.employerId', 'm.realName'])
        .where('m.community_id = :communityId AND m.user_id > :after', { communityId, after })
        .orderBy('m.user_id', 'ASC')
        .limit(EXPORT_PAGING.rows)
        .getMany();
      // The roles by membership (their primary key's first column): MariaDB would otherwise answer an EXISTS
      // by reading every role of the community, for every page.
      const party = page.length
        ? await em.find(MembershipRole, {
            where: { membershipId: In(page.map((m) => m.id)), role: In(PARTY_ROLES) },
            select: { membershipId: true },
          })
        : [];
      const evaluated = new Set(party.map((r) => r.membershipId));
      // Without a real name: the nickname, or the name of an earlier stay (`memberNames`).
      const members = page.filter((m) => evaluated.has(m.id));
      const unnamed = members.filter((m) => !m.realName).map((m) => m.userId);
      const names = unnamed.length ? await memberNames(em, communityId, unnamed) : new Map<string, string>();
      for (const m of members) {
        const employer = (m.employerId && employers.get(m.employerId)) || null;
        const key = { userId: m.userId, membershipId: m.id, name: m.realName || (names.get(m.userId) ?? '') };
        const group = byEmployer.get(employer);
        if (group) group.push(key);
        else byEmployer.set(employer, [key]);
      }
      if (page.length < EXPORT_PAGING.rows) break;
      after = page[page.length - 1].userId;
      await nextTurn();
    }
    const collator = new Intl.Collator('zh');
    // The same name: in the order they joined (membership ids are time-ordered), as the report always had it.
    const byName = (a: MemberKey, b: MemberKey) =>
      collator.compare(a.name, b.name) ||
      (a.membershipId < b.membershipId ? -1 : a.membershipId > b.membershipId ? 1 : 0);
    return [...byEmployer]
      .sort(([a], [b]) => collator.compare(a ?? '~', b ?? '~'))
      .map(([employer, members]) => ({ employer, members: members.sort(byName) }));
  }

  /** 入户走访 per member: each visit of the year counts once for each of its visitors. */
  private async visitsByVisitor(
    communityId: string,
    [start, end]: [Date, Date],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const page: Visit[] = await this.db.read((em) => {
        const select = em
          .createQueryBuilder(Visit, 'v')
          .select(['v.id', 'v.visitedAt', 'v.visitorIds'])
          .where('v.community_id = :communityId AND v.visited_at BETWEEN :start AND :end', {
            communityId,
            start,
            end,
          });
        if (after) select.andWhere('v.visited_at >= :at AND (v.visited_at > :at OR v.id > :id)', after);
        return select
          .orderBy('v.visited_at', 'ASC')
          .addOrderBy('v.id', 'ASC')
          .limit(EXPORT_PAGING.rows)
          .getMany();
      });
      for (const visit of page)
        for (const visitor of new Set(JSON.parse(visit.visitorIds) as string[]))
          counts.set(visitor, (counts.get(visitor) ?? 0) + 1);
      if (page.length < EXPORT_PAGING.rows) return counts;
      const last = page[page.length - 1];
      after = { at: last.visitedAt, id: last.id };
      await nextTurn();
    }
  }

  /** One page of an employer's members' figures, in the keys' order, in a fixed number of statements. */
  private async reports(
    em: EntityManager,
    {
      communityId,
      year,
      period: [start, end],
      employer,
    }: { communityId: string; year: number; period: [Date, Date]; employer: string | null },
    keys: MemberKey[],
    visits: Map<string, number>,
  ): Promise<AnnualMemberReport[]> {
    const userIds = keys.map((k) => k.userId);
    const range = { communityId, userIds, start, end };
    const attended = await em
      .createQueryBuilder(Attendance, 'a')
      .select('a.user_id', 'userId')
      // The status is counted, not filtered: in the WHERE clause SQLite would read every closed attendance by it.
      .addSelect(`COUNT(CASE WHEN ${SERVED} THEN 1 END)`, 'n')
      .addSelect(`SUM(CASE WHEN ${SERVED} THEN a.minutes END)`, 'minutes')
      .where('a.community_id = :communityId AND a.user_id IN (:...userIds)', range)
      .andWhere('a.checked_in_at BETWEEN :start AND :end', range)
      .groupBy('a.user_id')
      .getRawMany<{ userId: string; n: number | string; minutes: number | string | null }>();
    const fulfilled = await em
      .createQueryBuilder(Wish, 'w')
      .select('w.claimer_id', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where('w.community_id = :communityId AND w.claimer_id IN (:...userIds)', range)
      .andWhere('w.status = :status AND w.confirmed_at BETWEEN :start AND :end', {
        ...range,
        status: WishStatus.Confirmed,
      })
      .groupBy('w.claimer_id')
      .getRawMany<{ userId: string; n: number | string }>();
    const resolved = await em
      .createQueryBuilder(Demand, 'd')
      .select('d.assignee_id', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where('d.community_id = :communityId AND d.assignee_id IN (:...userIds)', range)
      .andWhere("d.status = 'resolved' AND d.updated_at BETWEEN :start AND :end", range)
      .groupBy('d.assignee_id')
      .getRawMany<{ userId: string; n: number | string }>();
    const earned = await this.ledgerReads.pointsEarned(em, communityId, String(year), userIds);
    const ratings = await em.find(MemberRating, { where: { communityId, year, userId: In(userIds) } });
    const activityOf = new Map(attended.map((a) => [a.userId, a]));
    const fulfilledBy = new Map(fulfilled.map((w) => [w.userId, Number(w.n)]));
    const resolvedBy = new Map(resolved.map((d) => [d.userId, Number(d.n)]));
    const ratingsOf = new Map<string, MemberRating[]>();
    for (const rating of ratings) {
      const own = ratingsOf.get(rating.userId);
      if (own) own.push(rating);
      else ratingsOf.set(rating.userId, [rating]);
    }
    return keys.map(({ userId, name }) => {
      const activity = activityOf.get(userId);
      return {
        userId,
        name,
        employer,
        activities: Number(activity?.n ?? 0),
        minutes: Number(activity?.minutes ?? 0),
        wishesFulfilled: fulfilledBy.get(userId) ?? 0,
        visits: visits.get(userId) ?? 0,
        demandsResolved: resolvedBy.get(userId) ?? 0,
        pointsEarned: earned.get(userId) ?? 0,
        ratings: Object.fromEntries((ratingsOf.get(userId) ?? []).map((r) => [r.level, r.grade])),
      };
    });
  }
}

/** The year in the product's clock zone, both ends included (as `Between` has it). */
function yearPeriod(year: number): [Date, Date] {
  return [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)];
}
