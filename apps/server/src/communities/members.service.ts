import {
  EmployerView,
  ErrorCode,
  MembershipStatus,
  MemberView,
  Role,
  ROLE_LABELS,
  SetMemberRequest,
  toIsoLocal,
} from '@redvest/contract';
import { maskPhone, sortRoles } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../common/domain-error';
import { pageOf } from '../common/paging';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Compound } from '../organisation/compound.entity';
import { Community } from './community.entity';
import { User } from '../users/user.entity';
import { Employer } from './employer.entity';
import { closePendingInvitation } from './invitation-closing';
import { MembershipRole } from './membership-role.entity';
import { Membership } from './membership.entity';

const roleWords = (roles: Iterable<Role>) =>
  sortRoles(roles)
    .map((role) => ROLE_LABELS[role])
    .join('、');

export interface MembersFilter {
  status?: MembershipStatus;
  /** Part of a real name or nickname. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** The roles asked for, with 居民 always included; a branch secretary needs their compound. */
export function grantedRoles(body: Pick<SetMemberRequest, 'roles' | 'compoundId'>): Set<Role> {
  const granted = new Set<Role>([Role.Resident, ...body.roles]);
  if (granted.has(Role.BranchSecretary) && !body.compoundId)
    throw new DomainError(ErrorCode.CompoundRequired);
  return granted;
}

@Injectable()
export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditTrail,
  ) {}

  /** Members, newest first; phones in full for the community's secretaries, masked for branch secretaries. */
  async list(communityId: string, filter: MembersFilter, fullPhones: boolean) {
    const limit = filter.limit ?? 20;
    return this.db.read(async (em) => {
      const query = em
        .createQueryBuilder(Membership, 'm')
        .innerJoin(User, 'u', 'u.id = m.user_id')
        .where('m.community_id = :communityId', { communityId })
        .orderBy('m.id', 'DESC')
        .take(limit + 1);
      if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
      if (filter.cursor) query.andWhere('m.id < :cursor', { cursor: filter.cursor });
      if (filter.q?.trim()) {
        const like = `%${filter.q.trim().replace(/[%_\\]/g, '')}%`;
        query.andWhere('(m.real_name LIKE :like OR u.nickname LIKE :like)', { like });
      }
      const memberships = await query.getMany();
      const page = pageOf(memberships, limit, (m) => m.id);
      const items = await this.views(em, page.items);
      if (fullPhones && items.length) {
        this.audit.serve({
          targetType: 'community',
          targetId: communityId,
          summary: `查看成员名单 ${items.length} 人${filter.cursor ? '（翻页）' : ''}${filter.q?.trim() ? '（搜索）' : ''}，含完整手机号`,
        });
      }
      const shown = fullPhones
        ? items
        : items.map((m) => ({ ...m, phone: m.phone ? maskPhone(m.phone) : null }));
      return { items: shown, nextCursor: page.nextCursor };
    });
  }

  /**
   * Sets the roles (the new set replaces the old) and employer of a member, or of someone who asked to join
   * (that counts as verifying them). Someone who never asked is not added: they get an invitation instead
   * (INVITATION_REQUIRED), and become a member only when they accept it.
   */
  async set(communityId: string, body: SetMemberRequest, actorId: string): Promise<MemberView> {
    const granted = grantedRoles(body);
    return this.db.transaction(async (em) => {
      const user = await em.findOne(User, { where: { id: body.userId } });
      if (!user || user.deletedAt) throw new DomainError(ErrorCode.UserNotFound);
      const membership = await em.findOne(Membership, {
        where: { communityId, userId: body.userId },
        ...this.db.forUpdate,
      });
      if (!membership) throw new DomainError(ErrorCode.InvitationRequired);
      const before = (await em.find(MembershipRole, { where: { membershipId: membership.id } })).map(
        (r) => r.role,
      );
      await this.applyRoles(em, membership, granted, body, actorId);
      const compound =
        body.compoundId && granted.has(Role.BranchSecretary)
          ? await em.findOne(Compound, { where: { id: body.compoundId } })
          : null;
      await this.audit.record(em, {
        targetType: 'member',
        targetId: body.userId,
        subjectId: body.userId,
        summary: [
          membership.status !== MembershipStatus.Active ? '审核通过入社区申请' : '',
          `角色设为：${roleWords(granted)}（原为：${roleWords(before)}）`,
          compound ? `负责小区：${compound.name}` : '',
          body.employer ? `原单位：${body.employer.trim()}` : '',
        ]
          .filter(Boolean)
          .join('；'),
      });
      const saved = await em.findOneOrFail(Membership, { where: { id: membership.id } });
      return (await this.views(em, [saved]))[0];
    });
  }

  /**
   * Inside the caller's transaction: the membership becomes active with exactly these roles; an invitation still
   * waiting for an answer is closed (accepting one answers it first).
   */
  async applyRoles(
    em: EntityManager,
    membership: Membership,
    granted: Set<Role>,
    body: Pick<SetMemberRequest, 'employer' | 'compoundId'>,
    actorId: string,
  ): Promise<void> {
    const { communityId } = membership;
    if (body.compoundId && !(await em.findOne(Compound, { where: { id: body.compoundId, communityId } }))) {
      throw new DomainError(ErrorCode.CompoundNotFound);
    }
    await this.refuseToRemoveLastSecretary(em, membership, granted);
    const employerId = body.employer
      ? await this.employerId(em, communityId, body.employer.trim())
      : membership.employerId;
    const now = new Date();
    await em.update(
      Membership,
      { id: membership.id },
      {
        employerId,
        status: MembershipStatus.Active,
        verifiedAt: membership.verifiedAt ?? now,
        verifiedBy: membership.verifiedBy ?? actorId,
        compoundId: membership.compoundId ?? body.compoundId ?? null,
      },
    );
    await em.delete(MembershipRole, { membershipId: membership.id });
    await em.insert(
      MembershipRole,
      [...granted].map((role) => ({
        membershipId: membership.id,
        role,
        compoundId: role === Role.BranchSecretary ? body.compoundId! : '',
        communityId,
      })),
    );
    await closePendingInvitation(em, communityId, membership.userId);
  }

  async verify(communityId: string, userId: string, actorId: string): Promise<MemberView> {
    return this.db.transaction(async (em) => {
      const membership = await em.findOne(Membership, {
        where: { communityId, userId },
        ...this.db.forUpdate,
      });
      if (!membership) throw new DomainError(ErrorCode.MemberNotFound);
      if (membership.status !== MembershipStatus.Active) {
        await em.update(
          Membership,
          { id: membership.id, status: MembershipStatus.Pending },
          { status: MembershipStatus.Active, verifiedAt: new Date(), verifiedBy: actorId },
        );
        await closePendingInvitation(em, communityId, userId);
        await this.audit.record(em, {
          targetType: 'member',
          targetId: userId,
          subjectId: userId,
          summary: '审核通过入社区申请，成为正式成员',
        });
      } else this.audit.unchanged();
      const saved = await em.findOneOrFail(Membership, { where: { id: membership.id } });
      return (await this.views(em, [saved]))[0];
    });
  }

  async employers(communityId: string): Promise<{ items: EmployerView[] }> {
    return this.db.read(async (em) => {
      const employers = await em.find(Employer, { where: { communityId }, order: { name: 'ASC' } });
      const counts = await em
        .createQueryBuilder(Membership, 'm')
        .select('m.employer_id', 'employerId')
        .addSelect('COUNT(*)', 'count')
        .where('m.community_id = :communityId AND m.employer_id IS NOT NULL', { communityId })
        .groupBy('m.employer_id')
        .getRawMany<{ employerId: string; count: string | number }>();
      const countOf = new Map(counts.map((row) => [row.employerId, Number(row.count)]));
      return { items: employers.map(({ id, name }) => ({ id, name, memberCount: countOf.get(id) ?? 0 })) };
    });
  }

  private async refuseToRemoveLastSecretary(em: EntityManager, membership: Membership, next: Set<Role>) {
    if (next.has(Role.Secretary)) return;
    const isSecretary = await em.findOne(MembershipRole, {
      where: { membershipId: membership.id, role: Role.Secretary },
    });
    if (!isSecretary) return;
    // Two secretaries demoting each other at once: the community's row makes them take turns, so one is refused.
    await em.findOne(Community, { where: { id: membership.communityId }, ...this.db.forUpdate });
    const others = await em.count(MembershipRole, {
      where: { communityId: membership.communityId, role: Role.Secretary },
    });
    if (others <= 1) throw new DomainError(ErrorCode.LastSecretary);
  }

  private async employerId(em: EntityManager, communityId: string, name: string): Promise<string> {
    const existing = await em.findOne(Employer, { where: { communityId, name } });
    if (existing) return existing.id;
    const id = newId();
    await em.insert(Employer, { id, communityId, name, createdAt: new Date() });
    return id;
  }

  private async views(em: EntityManager, memberships: Membership[]): Promise<MemberView[]> {
    if (memberships.length === 0) return [];
    const users = await em.find(User, { where: { id: In(memberships.map((m) => m.userId)) } });
    const roles = await em.find(MembershipRole, {
      where: { membershipId: In(memberships.map((m) => m.id)) },
    });
    const refs = [...memberships.map((m) => m.compoundId), ...roles.map((r) => r.compoundId)].filter(Boolean);
    const compounds = await em.find(Compound, { where: { id: In(refs as string[]) } });
    const employerIds = memberships.map((m) => m.employerId).filter(Boolean) as string[];
    const employers = await em.find(Employer, { where: { id: In(employerIds) } });
    const userById = new Map(users.map((u) => [u.id, u]));
    const compoundById = new Map(compounds.map((c) => [c.id, { id: c.id, name: c.name }]));
    const employerById = new Map(employers.map((e) => [e.id, e.name]));
    return memberships.map((m) => {
      const own = roles.filter((r) => r.membershipId === m.id);
      return {
        userId: m.userId,
        nickname: userById.get(m.userId)?.nickname ?? '',
        realName: m.realName,
        phone: m.phoneEnc ? this.cipher.decrypt(m.phoneEnc) : null,
        status: m.status,
        roles: sortRoles(own.map((r) => r.role)),
        branchCompounds: own
          .filter((r) => r.role === Role.BranchSecretary)
          .map((r) => compoundById.get(r.compoundId))
          .filter((c) => c !== undefined),
        employer: m.employerId ? (employerById.get(m.employerId) ?? null) : null,
        compound: m.compoundId ? (compoundById.get(m.compoundId) ?? null) : null,
        joinedAt: toIsoLocal(m.joinedAt),
      };
    });
  }
}
