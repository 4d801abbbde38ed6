import {
  AnnualMemberReport,
  AnnualReport,
  ErrorCode,
  EvaluationsResponse,
  RATING_GRADE_LABELS,
  RATING_LEVEL_LABELS,
  RatingLevel,
  Role,
} from '@redvest/contract';
import { canActInCompound, effectiveRoles } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { Employer } from '../communities/employer.entity';
import { findMembership } from '../communities/membership-lookup';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { Compound } from '../organisation/compound.entity';
import { memberNames } from '../communities/member-names';
import { RateMemberDto } from './dto';
import { AnnualReportReader } from './annual-report-reader';
import { annualReportSheet } from './annual-report-sheet';
import { ContactGroup, ContactGroupMember } from './entities';
import { MemberRating } from './lists.entities';

/** The role a rating is given in, for 审计日志. */
const RATER_ROLES: Record<RatingLevel, Role> = {
  group: Role.GroupLeader,
  branch: Role.BranchSecretary,
  community: Role.Secretary,
};

/** 年度评价: what each in-service member did in a year, the three ratings, and the spreadsheet per employer. */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly reports: AnnualReportReader,
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

  /** 年度服务情况 of every in-service member, in the order of the spreadsheet. */
  async annual(communityId: string, year: number): Promise<AnnualReport> {
    const members: AnnualMemberReport[] = [];
    for await (const page of this.reports.pages(communityId, year)) members.push(...page.members);
    return { communityId, year, members };
  }

  /** One sheet per employer organisation (原单位), written while it is sent. */
  export(communityId: string, year: number): Readable {
    return annualReportSheet(year, this.reports.pages(communityId, year));
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
