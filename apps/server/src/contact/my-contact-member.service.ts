import type { CallMeResponse, ContactPhoneChoiceRequest, MyContactMemberView } from '@redvest/contract';
import { ErrorCode, toIsoLocal } from '@redvest/contract';
import { householdLabel } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { Notice, NotificationsService } from '../notifications/notifications.service';

interface LeaderRow {
  group_name: string;
  leader_id: string;
  real_name: string | null;
  phone_enc: string | null;
  show_phone: number | boolean;
  building_name: string;
  unit: string;
  room: string;
}

/**
 * 联系包户党员: a resident reaches the leader of the group that looks after their registered household,
 * by phone when the leader chose to show it to their households, otherwise by asking to be called
 * (请他联系我), which tells the leader in their inbox.
 */
@Injectable()
export class MyContactMemberService {
  constructor(
    private readonly db: Db,
    private readonly cipher: PersonalDataCipher,
    private readonly notifications: NotificationsService,
  ) {}

  async find(access: CommunityAccess): Promise<MyContactMemberView> {
    const householdId = access.membership.householdId;
    if (!householdId) return { hasHousehold: false, member: null };
    const leader = await this.db.read((em) => this.leaderOf(em, access.communityId, householdId));
    if (!leader) return { hasHousehold: true, member: null };
    const showPhone = Boolean(leader.show_phone) && leader.phone_enc !== null;
    return {
      hasHousehold: true,
      member: {
        name: leader.real_name ?? '',
        groupName: leader.group_name,
        phone: showPhone ? this.cipher.decrypt(leader.phone_enc!) : null,
      },
    };
  }

  async askToBeCalled(access: CommunityAccess): Promise<CallMeResponse> {
    const householdId = access.membership.householdId;
    const askedAt = new Date();
    const notices = await this.db.transaction(async (em) => {
      const leader = householdId ? await this.leaderOf(em, access.communityId, householdId) : null;
      if (!leader) throw new DomainError(ErrorCode.NoContactMember);
      const where = householdLabel(leader.building_name, leader.unit, leader.room);
      const notice: Notice = {
        userId: leader.leader_id,
        communityId: access.communityId,
        title: '住户请您联系',
        // The number stays out of the inbox (stored as plain text): the household's card shows it.
        body: `${access.membership.realName ?? '一位住户'}（${where}）请您联系，电话见“我的包户”中的住户卡片`,
        status: '请联系',
      };
      await this.notifications.record(em, [notice]);
      return [notice];
    });
    await this.notifications.push(notices);
    return { askedAt: toIsoLocal(askedAt) };
  }

  async choosePhoneShown(access: CommunityAccess, show: boolean): Promise<ContactPhoneChoiceRequest> {
    await this.db.transaction((em) =>
      em.update(Membership, { id: access.membership.id }, { showPhoneToHouseholds: show }),
    );
    return { showPhoneToHouseholds: show };
  }

  private async leaderOf(
    em: EntityManager,
    communityId: string,
    householdId: string,
  ): Promise<LeaderRow | null> {
    const rows: LeaderRow[] = await em.query(
      `SELECT g.name AS group_name, g.leader_id AS leader_id, m.real_name AS real_name, m.phone_enc AS phone_enc,
         m.show_phone_to_households AS show_phone, b.name AS building_name, h.unit AS unit, h.room AS room
       FROM household_assignments a
       JOIN contact_groups g ON g.id = a.group_id AND g.status = 'active'
       JOIN memberships m ON m.community_id = g.community_id AND m.user_id = g.leader_id AND m.status = 'active'
       JOIN households h ON h.id = a.household_id
       JOIN buildings b ON b.id = h.building_id
       WHERE a.household_id = ? AND a.community_id = ?`,
      [householdId, communityId],
    );
    return rows[0] ?? null;
  }
}
