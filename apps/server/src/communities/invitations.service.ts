import {
  ErrorCode,
  InvitationView,
  InviteMemberRequest,
  MembershipStatus,
  PRIVACY_NOTICE_VERSION,
  Role,
  ROLE_LABELS,
  toIsoLocal,
} from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { isDuplicateKey } from '../database/db-errors';
import { newId } from '../database/ids';
import { memberNames } from './member-names';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { Compound } from '../organisation/compound.entity';
import { User } from '../users/user.entity';
import { Community } from './community.entity';
import { Invitation } from './invitation.entity';
import { grantedRoles, MembersService } from './members.service';
import { MembershipRole } from './membership-role.entity';
import { Membership } from './membership.entity';
import { LedgerService } from '../ledger/ledger.service';

/**
 * 邀请: the way to add someone who never asked to join. They see it in the app and accept (they become an
 * active member with the roles offered) or decline; nothing about them reaches the community before that.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly members: MembersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditTrail,
    private readonly ledger: LedgerService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(communityId: string, body: InviteMemberRequest, actorId: string): Promise<InvitationView> {
    const roles = sortRoles([...grantedRoles(body)]);
    const { view, notices } = await this.db.transaction(async (em) => {
      const user = await em.findOne(User, { where: { id: body.userId } });
      if (!user || user.deletedAt) throw new DomainError(ErrorCode.UserNotFound);
      if (body.compoundId && !(await em.findOne(Compound, { where: { id: body.compoundId, communityId } })))
        throw new DomainError(ErrorCode.CompoundNotFound);
      if (await em.findOne(Membership, { where: { communityId, userId: body.userId } }))
        throw new DomainError(ErrorCode.MemberExists);
      const fields = {
        roles,
        employer: body.employer?.trim() || null,
        compoundId: body.compoundId ?? null,
        invitedBy: actorId,
        status: 'pending' as const,
        createdAt: new Date(),
        answeredAt: null,
      };
      const earlier = await em.findOne(Invitation, {
        where: { communityId, userId: body.userId },
        ...this.db.forUpdate,
      });
      // Inviting again (after an answer, or with other roles) renews the one invitation.
      if (earlier) await em.update(Invitation, { id: earlier.id }, fields);
      else await em.insert(Invitation, { id: newId(), communityId, userId: body.userId, ...fields });
      const invitation = await em.findOneOrFail(Invitation, { where: { communityId, userId: body.userId } });
      const [shown] = await this.views(em, [invitation]);
      const notices: Notice[] = [
        {
          userId: body.userId,
          communityId,
          title: `${shown.communityName}邀请您加入`,
          body: `${shown.invitedBy}邀请您以${roles.map((r) => ROLE_LABELS[r]).join('、')}的身份加入，请在“我的”中同意或拒绝。`,
          status: '待回复',
        },
      ];
      await this.notifications.record(em, notices);
      await this.audit.record(em, {
        targetType: 'member',
        targetId: body.userId,
        subjectId: body.userId,
        summary: `${earlier ? '再次邀请' : '邀请'}以${roles.map((r) => ROLE_LABELS[r]).join('、')}的身份加入${fields.employer ? `；原单位：${fields.employer}` : ''}（对方同意后生效）`,
      });
      return { view: shown, notices };
    });
    await this.notifications.push(notices);
    return view;
  }

  async ofCommunity(communityId: string): Promise<{ items: InvitationView[] }> {
    return this.db.read(async (em) => ({
      items: await this.views(
        em,
        await em.find(Invitation, { where: { communityId }, order: { createdAt: 'DESC' }, take: 200 }),
      ),
    }));
  }

  /** Mine: the ones waiting for an answer first. */
  async mine(userId: string): Promise<{ items: InvitationView[] }> {
    return this.db.read(async (em) => {
      const rows = await em.find(Invitation, { where: { userId }, order: { createdAt: 'DESC' } });
      rows.sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
      return { items: await this.views(em, rows) };
    });
  }

  /**
   * 同意: only the person invited; the privacy notice must be agreed first, as for joining. The invitation speaks
   * for whoever sent it, so they must still be able to invite: a secretary of the community, or the platform admin.
   */
  async accept(invitationId: string, user: User): Promise<InvitationView> {
    if (user.privacyVersion !== PRIVACY_NOTICE_VERSION) throw new DomainError(ErrorCode.PrivacyNotAgreed);
    return this.db.transaction(async (em) => {
      const invitation = await this.answer(em, invitationId, user.id, 'accepted');
      if (!(await this.mayStillInvite(em, invitation.communityId, invitation.invitedBy)))
        throw new DomainError(ErrorCode.InviterNotAuthorised);
      let membership = await em.findOne(Membership, {
        where: { communityId: invitation.communityId, userId: user.id },
        ...this.db.forUpdate,
      });
      if (!membership) {
        membership = em.create(Membership, {
          id: newId(),
          communityId: invitation.communityId,
          userId: user.id,
          status: MembershipStatus.Active,
          realName: null,
          phoneEnc: null,
          compoundId: null,
          householdId: null,
          employerId: null,
          joinedAt: new Date(),
          verifiedAt: null,
          verifiedBy: null,
        });
        // Joining with the invite code at this very moment: one of the two wins, the other is told to look again.
        await em.insert(Membership, membership).catch((error) => {
          throw isDuplicateKey(error) ? new DomainError(ErrorCode.AlreadyMember) : error;
        });
        await this.ledger.markMembership(em, invitation.communityId, user.id, true);
      }
      await this.members.applyRoles(
        em,
        membership,
        new Set<Role>(invitation.roles),
        { employer: invitation.employer ?? undefined, compoundId: invitation.compoundId ?? undefined },
        invitation.invitedBy,
      );
      return (await this.views(em, [{ ...invitation, status: 'accepted' }]))[0];
    });
  }

  async decline(invitationId: string, userId: string): Promise<InvitationView> {
    return this.db.transaction(async (em) => {
      const invitation = await this.answer(em, invitationId, userId, 'declined');
      return (await this.views(em, [{ ...invitation, status: 'declined' }]))[0];
    });
  }

  /** 撤销邀请: a secretary takes back an invitation not yet answered. */
  async cancel(communityId: string, invitationId: string): Promise<InvitationView> {
    return this.db.transaction(async (em) => {
      const invitation = await em.findOne(Invitation, { where: { id: invitationId, communityId } });
      if (!invitation) throw new DomainError(ErrorCode.InvitationNotFound);
      const answeredAt = new Date();
      const cancelled = await em.update(
        Invitation,
        { id: invitationId, status: 'pending' },
        { status: 'cancelled', answeredAt },
      );
      if (!cancelled.affected) throw new DomainError(ErrorCode.InvitationAnswered);
      await this.audit.record(em, {
        targetType: 'member',
        targetId: invitation.userId,
        subjectId: invitation.userId,
        summary: `撤销尚未回复的邀请（邀请的身份：${sortRoles(invitation.roles)
          .map((r) => ROLE_LABELS[r])
          .join('、')}）`,
      });
      return (await this.views(em, [{ ...invitation, status: 'cancelled', answeredAt }]))[0];
    });
  }

  /**
   * The inviter is still a secretary of the community (their membership row locked: a demotion or a leaving at
   * this moment comes before or after, not in between), or still the platform admin.
   */
  private async mayStillInvite(em: EntityManager, communityId: string, inviterId: string): Promise<boolean> {
    const inviter = await em.findOne(User, { where: { id: inviterId } });
    if (!inviter || inviter.deletedAt) return false;
    if (this.config.platformAdminOpenids.includes(inviter.openid)) return true;
    const membership = await em.findOne(Membership, {
      where: { communityId, userId: inviterId },
      ...this.db.forUpdate,
    });
    if (!membership || membership.status !== MembershipStatus.Active) return false;
    return !!(await em.findOne(MembershipRole, {
      where: { membershipId: membership.id, role: Role.Secretary },
    }));
  }

  /** Someone else's invitation is not found (its existence is not revealed); one answered already is a conflict. */
  private async answer(em: EntityManager, id: string, userId: string, status: 'accepted' | 'declined') {
    const invitation = await em.findOne(Invitation, { where: { id, userId } });
    if (!invitation) throw new DomainError(ErrorCode.InvitationNotFound);
    const answeredAt = new Date();
    const updated = await em.update(Invitation, { id, userId, status: 'pending' }, { status, answeredAt });
    if (!updated.affected) throw new DomainError(ErrorCode.InvitationAnswered);
    return { ...invitation, answeredAt };
  }

  private async views(em: EntityManager, rows: Invitation[]): Promise<InvitationView[]> {
    if (rows.length === 0) return [];
    const communities = await em.find(Community, {
      where: { id: In([...new Set(rows.map((r) => r.communityId))]) },
    });
    const compoundIds = rows.map((r) => r.compoundId).filter((id): id is string => !!id);
    const compounds = compoundIds.length ? await em.find(Compound, { where: { id: In(compoundIds) } }) : [];
    const views: InvitationView[] = [];
    for (const r of rows) {
      const inviter = (await memberNames(em, r.communityId, [r.invitedBy])).get(r.invitedBy) ?? '';
      const compound = compounds.find((c) => c.id === r.compoundId);
      views.push({
        id: r.id,
        userId: r.userId,
        communityId: r.communityId,
        communityName: communities.find((c) => c.id === r.communityId)?.name ?? '',
        roles: sortRoles(r.roles),
        employer: r.employer,
        compound: compound ? { id: compound.id, name: compound.name } : null,
        invitedBy: inviter,
        status: r.status,
        createdAt: toIsoLocal(r.createdAt),
        answeredAt: r.answeredAt ? toIsoLocal(r.answeredAt) : null,
      });
    }
    return views;
  }
}
