import {
  CommunityView,
  CompoundRef,
  ErrorCode,
  InviteLookup,
  JoinRequest,
  MembershipStatus,
  MembershipView,
  PRIVACY_NOTICE_VERSION,
  Role,
} from '@redvest/contract';
import { normalisePhone } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../common/domain-error';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { User } from '../users/user.entity';
import { Community } from './community.entity';
import { closePendingInvitation } from './invitation-closing';
import { newInviteCode } from './invite-code';
import { MembershipRole } from './membership-role.entity';
import { Membership } from './membership.entity';
import { LedgerService } from '../ledger/ledger.service';

/** The community's compounds, by name: what someone choosing where they live is offered. */
export async function compoundRefs(em: EntityManager, communityId: string): Promise<CompoundRef[]> {
  const compounds = await em.find(Compound, { where: { communityId }, order: { name: 'ASC' } });
  return compounds.map(({ id, name }) => ({ id, name }));
}

@Injectable()
export class CommunitiesService {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditTrail,
    private readonly ledger: LedgerService,
  ) {}

  async create(name: string, street?: string): Promise<CommunityView> {
    const community = await this.db.transaction(async (em) => {
      const created = await em.save(
        em.create(Community, {
          id: newId(),
          name,
          street: street ?? null,
          inviteCode: newInviteCode(),
          createdAt: new Date(),
        }),
      );
      await this.audit.record(em, {
        communityId: created.id,
        targetType: 'community',
        targetId: created.id,
        summary: `创建社区“${name}”${street ? `（${street}）` : ''}`,
      });
      return created;
    });
    return this.view(community, true);
  }

  async get(communityId: string, withInviteCode: boolean): Promise<CommunityView> {
    const community = await this.db.read((em) => em.findOneOrFail(Community, { where: { id: communityId } }));
    return this.view(community, withInviteCode);
  }

  async rotateInviteCode(communityId: string): Promise<CommunityView> {
    const community = await this.db.transaction(async (em) => {
      await em.update(Community, { id: communityId }, { inviteCode: newInviteCode() });
      await this.audit.record(em, {
        targetType: 'community',
        targetId: communityId,
        summary: '更换了邀请码，旧邀请码和旧二维码不能再用于加入',
      });
      return em.findOneOrFail(Community, { where: { id: communityId } });
    });
    return this.view(community, true);
  }

  async lookupInvite(code: string): Promise<InviteLookup> {
    return this.db.read(async (em) => {
      const community = await em.findOne(Community, { where: { inviteCode: code.toUpperCase() } });
      if (!community) throw new DomainError(ErrorCode.InviteCodeInvalid);
      return {
        communityId: community.id,
        communityName: community.name,
        compounds: await compoundRefs(em, community.id),
      };
    });
  }

  /**
   * 加入社区: after the privacy notice, with the community's invite code, a real name and a phone.
   * The membership waits for a secretary to verify it.
   */
  async join(user: User, communityId: string, body: JoinRequest): Promise<MembershipView> {
    return this.db.transaction(async (em) => {
      const community = await em.findOne(Community, { where: { id: communityId } });
      if (!community || community.inviteCode !== body.inviteCode.toUpperCase()) {
        throw new DomainError(ErrorCode.InviteCodeInvalid);
      }
      return this.admit(em, user, community, body);
    });
  }

  /**
   * The membership of someone who asked to join, waiting for a secretary to verify it, inside the caller's
   * transaction: after the privacy notice, with a real name and a phone. The caller checked what admits them
   * (the invite code, or a family link code).
   */
  async admit(
    em: EntityManager,
    user: User,
    community: Community,
    body: Omit<JoinRequest, 'inviteCode'>,
  ): Promise<MembershipView> {
    if (user.privacyVersion !== PRIVACY_NOTICE_VERSION) throw new DomainError(ErrorCode.PrivacyNotAgreed);
    const communityId = community.id;
    if (await em.findOne(Membership, { where: { communityId, userId: user.id } })) {
      throw new DomainError(ErrorCode.AlreadyMember);
    }
    const compound = await this.compoundFor(em, communityId, body);
    const membership = em.create(Membership, {
      id: newId(),
      communityId,
      userId: user.id,
      status: MembershipStatus.Pending,
      realName: body.realName.trim(),
      phoneEnc: this.cipher.encrypt(normalisePhone(body.phone)),
      compoundId: compound?.id ?? null,
      householdId: body.householdId ?? null,
      employerId: null,
      joinedAt: new Date(),
      verifiedAt: null,
      verifiedBy: null,
    });
    await em.insert(Membership, membership);
    await em.insert(MembershipRole, {
      membershipId: membership.id,
      role: Role.Resident,
      compoundId: '',
      communityId,
    });
    // Someone who left and asks again is back on the leaderboard with the points they earned here.
    await this.ledger.markMembership(em, communityId, user.id, true);
    // Asked to join: an invitation waiting for an answer would otherwise grant roles past the secretary's review.
    await closePendingInvitation(em, communityId, user.id);
    return {
      communityId,
      communityName: community.name,
      status: membership.status,
      roles: [Role.Resident],
      branchCompounds: [],
      realName: membership.realName ?? undefined,
      compound: compound ? { id: compound.id, name: compound.name } : undefined,
    };
  }

  private async compoundFor(
    em: EntityManager,
    communityId: string,
    body: Omit<JoinRequest, 'inviteCode'>,
  ): Promise<Compound | null> {
    let compoundId = body.compoundId;
    if (body.householdId) {
      const household = await em.findOne(Household, { where: { id: body.householdId, communityId } });
      if (!household) throw new DomainError(ErrorCode.HouseholdNotFound);
      if (compoundId && compoundId !== household.compoundId)
        throw new DomainError(ErrorCode.HouseholdNotFound);
      compoundId = household.compoundId;
    }
    if (!compoundId) return null;
    const compound = await em.findOne(Compound, { where: { id: compoundId, communityId } });
    if (!compound) throw new DomainError(ErrorCode.CompoundNotFound);
    return compound;
  }

  private view(community: Community, withInviteCode: boolean): CommunityView {
    return {
      id: community.id,
      name: community.name,
      ...(community.street ? { street: community.street } : {}),
      ...(withInviteCode ? { inviteCode: community.inviteCode } : {}),
    };
  }
}
