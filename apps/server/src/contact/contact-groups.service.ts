import { ContactGroupView, ContactSettings, ErrorCode, MembershipStatus } from '@redvest/contract';
import {
  GroupAfterLeaving,
  GroupCandidate,
  groupAfterLeaving,
  groupMembersRefusal,
  memberChanges,
} from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError, refusedWith } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Compound } from '../organisation/compound.entity';
import { ContactGroupViews, settingsOf } from './contact-group-views';
import { ContactSettingsDto, CreateContactGroupDto, UpdateContactGroupDto } from './dto';
import { ContactGroup, ContactGroupMember, HouseholdAssignment } from './entities';
import { HouseholdAssignmentsService } from './household-assignments.service';

/** What a member's leaving did to one contact group. */
export type GroupChange = { groupId: string; name: string } & GroupAfterLeaving;

/**
 * 包户小组 (包干到户, DESIGN §6): forming, changing and dissolving groups, and the members who leave. The
 * rules are in libs/domain (contact/groups.ts); the households they answer for, in HouseholdAssignmentsService.
 */
@Injectable()
export class ContactGroupsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly views: ContactGroupViews,
    private readonly assignments: HouseholdAssignmentsService,
  ) {}

  async create(communityId: string, body: CreateContactGroupDto): Promise<ContactGroupView> {
    return this.db.transaction(async (em) => {
      await this.checkMembers(em, communityId, body.memberIds, body.leaderId);
      await this.checkCompound(em, communityId, body.compoundId);
      const group: ContactGroup = {
        id: newId(),
        communityId,
        compoundId: body.compoundId ?? null,
        name: body.name.trim(),
        leaderId: body.leaderId,
        status: 'active',
        createdAt: new Date(),
        dissolvedAt: null,
      };
      await em.insert(ContactGroup, group);
      for (const userId of body.memberIds) await em.insert(ContactGroupMember, { groupId: group.id, userId });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: group.id,
        subjectId: body.leaderId,
        summary: `组建“${clip(group.name, 40)}”：${body.memberIds.length} 名成员，组长为涉及成员`,
      });
      return (await this.views.build(em, [group]))[0];
    });
  }

  /** A smaller group size applies to groups formed or changed from now on; existing groups keep their members. */
  async updateSettings(communityId: string, body: ContactSettingsDto): Promise<ContactSettings> {
    return this.db.transaction(async (em) => {
      const changes: Partial<Community> = {
        ...(body.contactGroupSize !== undefined ? { contactGroupSize: body.contactGroupSize } : {}),
        ...(body.visitOverdueDays !== undefined ? { visitOverdueDays: body.visitOverdueDays } : {}),
      };
      const before = settingsOf(await em.findOneOrFail(Community, { where: { id: communityId } }));
      if (Object.keys(changes).length) await em.update(Community, { id: communityId }, changes);
      const after = settingsOf(await em.findOneOrFail(Community, { where: { id: communityId } }));
      await this.audit.record(em, {
        targetType: 'community',
        targetId: communityId,
        summary: `每组人数上限 ${before.contactGroupSize} → ${after.contactGroupSize}；逾期天数 ${before.visitOverdueDays} → ${after.visitOverdueDays}`,
      });
      return after;
    });
  }

  /** 修改: name, members, leader or compound. Members who leave keep the visits they recorded. */
  async update(groupId: string, body: UpdateContactGroupDto): Promise<ContactGroupView> {
    return this.db.transaction(async (em) => {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      const current = (await em.find(ContactGroupMember, { where: { groupId } })).map((m) => m.userId);
      const memberIds = body.memberIds ?? current;
      const leaderId = body.leaderId ?? group.leaderId;
      if (body.memberIds || body.leaderId)
        await this.checkMembers(em, group.communityId, memberIds, leaderId);
      await this.checkCompound(em, group.communityId, body.compoundId);
      const changes: Partial<ContactGroup> = {
        name: body.name?.trim() ?? group.name,
        leaderId,
        compoundId: body.compoundId === undefined ? group.compoundId : body.compoundId,
      };
      await em.update(ContactGroup, { id: groupId }, changes);
      const { joining, leaving } = memberChanges(current, memberIds);
      if (leaving.length) await em.delete(ContactGroupMember, { groupId, userId: In(leaving) });
      for (const userId of joining) await em.insert(ContactGroupMember, { groupId, userId });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: [
          changes.name !== group.name
            ? `名称“${clip(group.name, 40)}”改为“${clip(changes.name!, 40)}”`
            : `修改“${clip(group.name, 40)}”`,
          joining.length ? `加入 ${joining.length} 人` : '',
          leaving.length ? `离开 ${leaving.length} 人` : '',
          leaderId !== group.leaderId ? '更换组长' : '',
          changes.compoundId !== group.compoundId ? '更换所属小区' : '',
        ]
          .filter(Boolean)
          .join('；'),
      });
      return (await this.views.build(em, [{ ...group, ...changes }]))[0];
    });
  }

  /** 解散: its assignments end (into the history), its visits and demands stay. */
  async dissolve(groupId: string): Promise<ContactGroupView> {
    return this.db.transaction(async (em) => {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: groupId }, ...this.db.forUpdate });
      if (group.status !== 'active') throw new DomainError(ErrorCode.ContactGroupDissolved);
      const now = new Date();
      const active = await em.find(HouseholdAssignment, { where: { groupId } });
      await this.assignments.end(em, active, now, 'dissolved');
      await em.update(ContactGroup, { id: groupId }, { status: 'dissolved', dissolvedAt: now });
      await this.audit.record(em, {
        targetType: 'contact_group',
        targetId: groupId,
        summary: `解散“${clip(group.name, 40)}”，结束 ${active.length} 户的包户`,
      });
      return (await this.views.build(em, [{ ...group, status: 'dissolved', dissolvedAt: now }]))[0];
    });
  }

  /**
   * A member whose membership ends (退出社区, 移除成员, 注销账号) leaves every active group of the community,
   * inside the caller's transaction. A group they led is led from then on by the member who has been a
   * user longest (the smallest id); a group left empty is dissolved. Their visits stay with the group.
   */
  async withdrawMember(em: EntityManager, communityId: string, userId: string): Promise<GroupChange[]> {
    const rows = await em
      .createQueryBuilder(ContactGroup, 'g')
      .innerJoin(ContactGroupMember, 'm', 'm.group_id = g.id')
      .where('g.community_id = :communityId AND m.user_id = :userId', { communityId, userId })
      .andWhere("g.status = 'active'")
      .getMany();
    const changes: GroupChange[] = [];
    for (const listed of rows) {
      const group = await em.findOneOrFail(ContactGroup, { where: { id: listed.id }, ...this.db.forUpdate });
      if (group.status !== 'active') continue;
      await em.delete(ContactGroupMember, { groupId: group.id, userId });
      const left = await em.find(ContactGroupMember, { where: { groupId: group.id } });
      const after = groupAfterLeaving(
        group.leaderId,
        userId,
        left.map((m) => m.userId),
      );
      if (after.outcome === 'dissolved') {
        const now = new Date();
        await this.assignments.end(
          em,
          await em.find(HouseholdAssignment, { where: { groupId: group.id } }),
          now,
          'dissolved',
        );
        await em.update(ContactGroup, { id: group.id }, { status: 'dissolved', dissolvedAt: now });
      } else if (after.outcome === 'new_leader') {
        await em.update(ContactGroup, { id: group.id }, { leaderId: after.leaderId });
      }
      changes.push({ groupId: group.id, name: group.name, ...after });
    }
    return changes;
  }

  private async checkCompound(em: EntityManager, communityId: string, compoundId: string | null | undefined) {
    if (compoundId && !(await em.findOne(Compound, { where: { id: compoundId, communityId } })))
      throw new DomainError(ErrorCode.CompoundNotFound);
  }

  /** The members named for a group, checked against the community's group size and their standing. */
  private async checkMembers(em: EntityManager, communityId: string, memberIds: string[], leaderId: string) {
    const community = await em.findOneOrFail(Community, { where: { id: communityId } });
    const candidates = new Map<string, GroupCandidate | null>();
    for (const userId of memberIds) {
      const found = await findMembership(em, communityId, userId);
      candidates.set(
        userId,
        found && { active: found.membership.status === MembershipStatus.Active, granted: found.granted },
      );
    }
    const refusal = groupMembersRefusal(memberIds, leaderId, community.contactGroupSize, candidates);
    if (refusal) throw refusedWith(refusal);
  }
}
