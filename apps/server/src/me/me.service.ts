import { ErrorCode, MeResponse, MembershipView, PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { Employer } from '../communities/employer.entity';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { Compound } from '../organisation/compound.entity';
import { User } from '../users/user.entity';

@Injectable()
export class MeService {
  constructor(
    private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async describe(userId: string): Promise<MeResponse> {
    return this.db.read(async (em) => {
      const user = await em.findOneOrFail(User, { where: { id: userId } });
      const memberships = await em.find(Membership, { where: { userId }, order: { joinedAt: 'ASC' } });
      const ids = (list: (string | null)[]) => [...new Set(list.filter((id): id is string => !!id))];
      const roles = memberships.length
        ? await em.find(MembershipRole, { where: { membershipId: In(memberships.map((m) => m.id)) } })
        : [];
      const communities = await em.find(Community, {
        where: { id: In(ids(memberships.map((m) => m.communityId))) },
      });
      const employers = await em.find(Employer, {
        where: { id: In(ids(memberships.map((m) => m.employerId))) },
      });
      const compoundIds = ids([...memberships.map((m) => m.compoundId), ...roles.map((r) => r.compoundId)]);
      const compounds = await em.find(Compound, { where: { id: In(compoundIds) } });
      const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
      const communityById = byId(communities);
      const employerById = byId(employers);
      const compoundById = byId(compounds);
      const ref = (id: string | null) => {
        const compound = id ? compoundById.get(id) : undefined;
        return compound ? { id: compound.id, name: compound.name } : undefined;
      };
      const leading: { communityId: string }[] = memberships.length
        ? await em.query(
            "SELECT DISTINCT community_id AS communityId FROM contact_groups WHERE leader_id = ? AND status = 'active'",
            [userId],
          )
        : [];
      const views: MembershipView[] = memberships.map((membership) => {
        const own = roles.filter((role) => role.membershipId === membership.id);
        const leads = leading.some((row) => row.communityId === membership.communityId);
        return {
          communityId: membership.communityId,
          communityName: communityById.get(membership.communityId)?.name ?? '',
          status: membership.status,
          roles: sortRoles([...own.map((role) => role.role), ...(leads ? [Role.GroupLeader] : [])]),
          branchCompounds: own
            .filter((role) => role.role === Role.BranchSecretary)
            .map((role) => ref(role.compoundId))
            .filter((compound) => compound !== undefined),
          realName: membership.realName ?? undefined,
          employer: membership.employerId ? employerById.get(membership.employerId)?.name : undefined,
          compound: ref(membership.compoundId),
        };
      });
      return {
        id: user.id,
        nickname: user.nickname,
        isPlatformAdmin: this.config.platformAdminOpenids.includes(user.openid),
        privacy: { agreedVersion: user.privacyVersion, currentVersion: PRIVACY_NOTICE_VERSION },
        memberships: views,
      };
    });
  }

  async agreePrivacy(userId: string, version: string): Promise<MeResponse> {
    if (version !== PRIVACY_NOTICE_VERSION) {
      throw new DomainError(ErrorCode.ValidationFailed, [
        { field: 'version', message: '隐私保护指引已更新，请重新阅读' },
      ]);
    }
    await this.db.transaction((em) =>
      em.update(User, { id: userId }, { privacyVersion: version, privacyAgreedAt: new Date() }),
    );
    return this.describe(userId);
  }
}
