import {
  AnnualMemberReport,
  AnnualReport,
  ErrorCode,
  EvaluationsResponse,
  RATING_GRADE_LABELS,
  RATING_LEVEL_LABELS,
  RatingLevel,
  Role,
  WishStatus,
} from '@redvest/contract';
import { canActInCompound, effectiveRoles } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Between, EntityManager, In } from 'typeorm';
import { Attendance } from '../activities/attendance.entity';
import { AuditTrail } from '../audit/audit-trail';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { Employer } from '../communities/employer.entity';
import { findMembership } from '../communities/membership-lookup';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { Compound } from '../organisation/compound.entity';
import { LedgerReadsService } from '../ledger/ledger-reads.service';
import { memberNames } from '../communities/member-names';
import { Wish } from '../wishes/wish.entity';
import { RateMemberDto } from './dto';
import { ContactGroup, ContactGroupMember, Demand, Visit } from './entities';
import { MemberRating } from './lists.entities';

/** The role a rating is given in, for 审计日志. */
const RATER_ROLES: Record<RatingLevel, Role> = {
  group: Role.GroupLeader,
  branch: Role.BranchSecretary,
  community: Role.Secretary,
};

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function countBy(keys: (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** 年度评价: what each in-service member did in a year, the three ratings, and the spreadsheet per employer. */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly ledgerReads: LedgerReadsService,
  ) {}

  /** The group leader rates their group, a branch secretary their compound's members, the community everyone. */
  async rate(access: CommunityAccess, raterId: string, userId: string, body: RateMemberDto): Promise<void> {
    await this.db.transaction(async (em) => {
      const member = await findMembership(em, access.communityId, userId);
      if (!member || !effectiveRoles(member.granted).has(Role.PartyMember))
        throw new DomainError(ErrorCode.MemberNotFound);
      const led = await this.ledMembers(em, access.communityId, raterId);
      if (!this.levelsFor(access, raterId, member.membership, led).includes(body.level))
        throw new DomainError(ErrorCode.Forbidden);
      const earlier = await em.findOne(MemberRating, {
        where: { communityId: access.communityId, userId, year: body.year, level: body.level },
      });
      await em.save(MemberRating, {
        communityId: access.communityId,
        userId,
        year: body.year,
        level: body.level,
        grade: body.grade,
        comment: body.comment?.trim() || null,
        ratedBy: raterId,
        ratedAt: new Date(),
      });
      await this.audit.record(em, {
        actingAs: RATER_ROLES[body.level],
        targetType: 'member',
        targetId: userId,
        subjectId: userId,
        summary: `${body.year} 年${RATING_LEVEL_LABELS[body.level]}：${RATING_GRADE_LABELS[body.grade]}${earlier ? `（原为${RATING_GRADE_LABELS[earlier.grade]}）` : ''}`,
      });
    });
  }

  /** The members the caller may rate in a year, at which levels, with the ratings already given. */
  async evaluations(access: CommunityAccess, raterId: string, year: number): Promise<EvaluationsResponse> {
    return this.db.read(async (em) => {
      const memberships = await this.partyMemberships(em, access.communityId);
      const led = await this.ledMembers(em, access.communityId, raterId);
      const ratable = memberships
        .map((membership) => ({ membership, levels: this.levelsFor(access, raterId, membership, led) }))
        .filter((m) => m.levels.length > 0);
      if (ratable.length === 0) return { year, items: [] };
      const userIds = ratable.map((m) => m.membership.userId);
      const names = await memberNames(em, access.communityId, userIds);
      const employers = await em.find(Employer, { where: { communityId: access.communityId } });
      const compounds = await em.find(Compound, { where: { communityId: access.communityId } });
      const ratings = await em.find(MemberRating, {
        where: { communityId: access.communityId, year, userId: In(userIds) },
      });
      const collator = new Intl.Collator('zh');
      const items = ratable.map(({ membership, levels }) => ({
        userId: membership.userId,
        name: names.get(membership.userId) ?? '',
        employer: employers.find((e) => e.id === membership.employerId)?.name ?? null,
        compound: compounds.find((c) => c.id === membership.compoundId)?.name ?? null,
        levels,
        // Only the caller's own levels: a rater does not see what the other levels gave.
        ratings: Object.fromEntries(
          ratings
            .filter((r) => r.userId === membership.userId && levels.includes(r.level))
            .map((r) => [r.level, { grade: r.grade, comment: r.comment }]),
        ),
      }));
      items.sort((a, b) => collator.compare(a.name, b.name));
      return { year, items };
    });
  }

  async annual(communityId: string, year: number): Promise<AnnualReport> {
    const start = new Date(`${year}-01-01T00:00:00+08:00`);
    const end = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    return this.db.read(async (em) => {
      const memberships = await this.partyMemberships(em, communityId);
      const userIds = memberships.map((m) => m.userId);
      if (userIds.length === 0) return { communityId, year, members: [] };
      const names = await memberNames(em, communityId, userIds);
      const employers = await em.find(Employer, { where: { communityId } });
      const attendances = await em.find(Attendance, {
        where: {
          communityId,
          userId: In(userIds),
          checkedInAt: Between(start, end),
          status: In(['closed', 'unclosed']),
        },
      });
      const wishes = await em.find(Wish, {
        where: {
          communityId,
          claimerId: In(userIds),
          status: WishStatus.Confirmed,
          confirmedAt: Between(start, end),
        },
      });
      const visits = await em.find(Visit, {
        where: { communityId, visitedAt: Between(start, end) },
        select: { visitorIds: true },
      });
      const demands = await em.find(Demand, {
        where: { communityId, assigneeId: In(userIds), status: 'resolved', updatedAt: Between(start, end) },
      });
      const earned = await this.ledgerReads.pointsEarned(em, communityId, String(year), userIds);
      const ratings = await em.find(MemberRating, { where: { communityId, year, userId: In(userIds) } });
      // One pass over each kind of record, then a lookup per member: a year of a big community stays linear.
      const attended = groupBy(attendances, (a) => a.userId);
      const fulfilled = countBy(wishes.map((w) => w.claimerId));
      const visited = countBy(visits.flatMap((v) => [...new Set(JSON.parse(v.visitorIds) as string[])]));
      const resolved = countBy(demands.map((d) => d.assigneeId));
      const rated = groupBy(ratings, (r) => r.userId);
      const members: AnnualMemberReport[] = memberships.map((m) => {
        const own = attended.get(m.userId) ?? [];
        return {
          userId: m.userId,
          name: names.get(m.userId) ?? '',
          employer: employers.find((e) => e.id === m.employerId)?.name ?? null,
          activities: own.length,
          minutes: own.reduce((sum, a) => sum + (a.minutes ?? 0), 0),
          wishesFulfilled: fulfilled.get(m.userId) ?? 0,
          visits: visited.get(m.userId) ?? 0,
          demandsResolved: resolved.get(m.userId) ?? 0,
          pointsEarned: earned.get(m.userId) ?? 0,
          ratings: Object.fromEntries((rated.get(m.userId) ?? []).map((r) => [r.level, r.grade])),
        };
      });
      const collator = new Intl.Collator('zh');
      members.sort(
        (a, b) => collator.compare(a.employer ?? '~', b.employer ?? '~') || collator.compare(a.name, b.name),
      );
      return { communityId, year, members };
    });
  }

  /** One sheet per employer organisation (原单位), for the members' annual assessment. */
  async export(communityId: string, year: number): Promise<Buffer> {
    const report = await this.annual(communityId, year);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '红马甲';
    const byEmployer = new Map<string, AnnualMemberReport[]>();
    for (const member of report.members) {
      const key = member.employer ?? '未登记原单位';
      byEmployer.set(key, [...(byEmployer.get(key) ?? []), member]);
    }
    const levels: RatingLevel[] = ['group', 'branch', 'community'];
    for (const [employer, members] of byEmployer) {
      const sheet = workbook.addWorksheet(employer.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
      sheet.addRow([`${employer} 在职党员 ${year} 年社区服务情况`]).font = { bold: true, size: 14 };
      const header = sheet.addRow([
        '姓名',
        '参加活动（次）',
        '服务时长（小时）',
        '完成心愿（个）',
        '入户走访（次）',
        '办结诉求（件）',
        '获得积分',
        ...levels.map((l) => RATING_LEVEL_LABELS[l]),
      ]);
      header.font = { bold: true };
      for (const m of members) {
        sheet.addRow([
          m.name,
          m.activities,
          Number((m.minutes / 60).toFixed(1)),
          m.wishesFulfilled,
          m.visits,
          m.demandsResolved,
          m.pointsEarned,
          ...levels.map((l) => (m.ratings[l] ? RATING_GRADE_LABELS[m.ratings[l]!] : '')),
        ]);
      }
      const sum = (f: (m: AnnualMemberReport) => number) => members.reduce((total, m) => total + f(m), 0);
      sheet.addRow([
        '合计',
        sum((m) => m.activities),
        Number((sum((m) => m.minutes) / 60).toFixed(1)),
        sum((m) => m.wishesFulfilled),
        sum((m) => m.visits),
        sum((m) => m.demandsResolved),
        sum((m) => m.pointsEarned),
      ]).font = { bold: true };
      sheet.columns.forEach((column) => (column.width = 14));
    }
    if (byEmployer.size === 0) workbook.addWorksheet('无数据').addRow([`${year} 年没有在职党员的服务记录`]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * 三级评价: the group leader rates their group, a branch secretary their compounds' members, the secretary
   * all; nobody rates themselves.
   */
  private levelsFor(
    access: CommunityAccess,
    raterId: string,
    member: Membership,
    ledMembers: Set<string>,
  ): RatingLevel[] {
    if (member.userId === raterId) return [];
    const levels: RatingLevel[] = [];
    if (ledMembers.has(member.userId)) levels.push('group');
    if (member.compoundId && canActInCompound(access.granted, access.branchCompoundIds, member.compoundId))
      levels.push('branch');
    if (access.roles.has(Role.Secretary)) levels.push('community');
    return levels;
  }

  /** The members of the active groups the caller leads. */
  private async ledMembers(em: EntityManager, communityId: string, leaderId: string): Promise<Set<string>> {
    const groups = await em.find(ContactGroup, { where: { communityId, leaderId, status: 'active' } });
    if (groups.length === 0) return new Set();
    const members = await em.find(ContactGroupMember, { where: { groupId: In(groups.map((g) => g.id)) } });
    return new Set(members.map((m) => m.userId));
  }

  /** Members granted the party member (or group leader) role: the in-service members evaluated. */
  private async partyMemberships(em: EntityManager, communityId: string): Promise<Membership[]> {
    const partyRoles = await em.find(MembershipRole, {
      where: { communityId, role: In([Role.PartyMember, Role.GroupLeader]) },
    });
    if (partyRoles.length === 0) return [];
    return em.find(Membership, {
      where: { id: In([...new Set(partyRoles.map((r) => r.membershipId))]) },
    });
  }
}
