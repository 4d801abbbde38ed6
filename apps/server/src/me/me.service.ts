import {
  ErrorCode,
  MeResponse,
  MembershipView,
  PRIVACY_NOTICE_VERSION,
  Role,
  UpdateSettingsRequest,
} from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { Membership } from '../communities/membership.entity';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { columnsOf, hydrate } from '../database/rows';
import { User } from '../users/user.entity';

type MembershipRow = Record<string, unknown> & {
  community_name: string | null;
  employer_name: string | null;
  compound_id: string | null;
  compound_name: string | null;
  role: string | null;
  role_compound_id: string | null;
  role_compound_name: string | null;
  leads: number | string;
};

@Injectable()
export class MeService {
  constructor(
    private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * 我的: the user (as the access check just read them) and their memberships with names and roles, in
   * one statement (a row per membership and role), since every page of the mini-program starts with it.
   */
  async describe(user: User): Promise<MeResponse> {
    const rows = await this.db.read(async (em) => {
      const raw: MembershipRow[] = await em.query(
        `SELECT ${columnsOf(em, Membership, 'm')}, c.name AS community_name, e.name AS employer_name,
           mc.id AS compound_id, mc.name AS compound_name,
           r.role AS role, rc.id AS role_compound_id, rc.name AS role_compound_name,
           (SELECT COUNT(*) FROM contact_groups g WHERE g.community_id = m.community_id AND g.leader_id = m.user_id AND g.status = 'active') AS leads
         FROM memberships m
         LEFT JOIN communities c ON c.id = m.community_id
         LEFT JOIN employers e ON e.id = m.employer_id
         LEFT JOIN compounds mc ON mc.id = m.compound_id
         LEFT JOIN membership_roles r ON r.membership_id = m.id
         LEFT JOIN compounds rc ON rc.id = r.compound_id
         WHERE m.user_id = ?
         ORDER BY m.joined_at ASC, m.id ASC`,
        [user.id],
      );
      return raw.map((row) => ({ ...row, membership: hydrate(em, Membership, row, 'm') }));
    });
    const memberships = new Map<string, { row: (typeof rows)[number]; roles: MembershipRow[] }>();
    for (const row of rows) {
      const entry = memberships.get(row.membership.id) ?? { row, roles: [] };
      memberships.set(row.membership.id, entry);
      if (row.role !== null) entry.roles.push(row);
    }
    const views: MembershipView[] = [...memberships.values()].map(({ row, roles }) => {
      const { membership } = row;
      const leads = Number(row.leads) > 0;
      return {
        communityId: membership.communityId,
        communityName: row.community_name ?? '',
        status: membership.status,
        roles: sortRoles([...roles.map((r) => r.role as Role), ...(leads ? [Role.GroupLeader] : [])]),
        branchCompounds: roles
          .filter((r) => r.role === Role.BranchSecretary && r.role_compound_id !== null)
          .map((r) => ({ id: r.role_compound_id!, name: r.role_compound_name! })),
        realName: membership.realName ?? undefined,
        employer: row.employer_name ?? undefined,
        compound: row.compound_id ? { id: row.compound_id, name: row.compound_name! } : undefined,
      };
    });
    return {
      id: user.id,
      nickname: user.nickname,
      isPlatformAdmin: this.config.platformAdminOpenids.includes(user.openid),
      privacy: { agreedVersion: user.privacyVersion, currentVersion: PRIVACY_NOTICE_VERSION },
      settings: {
        elderlyMode: Boolean(user.elderlyMode),
        elderlyModeChosen: user.elderlyModeChosenAt !== null,
      },
      memberships: views,
    };
  }

  async agreePrivacy(userId: string, version: string): Promise<MeResponse> {
    if (version !== PRIVACY_NOTICE_VERSION) {
      throw new DomainError(ErrorCode.ValidationFailed, [
        { field: 'version', message: '隐私保护指引已更新，请重新阅读' },
      ]);
    }
    const user = await this.db.transaction(async (em) => {
      await em.update(User, { id: userId }, { privacyVersion: version, privacyAgreedAt: new Date() });
      return em.findOneOrFail(User, { where: { id: userId } });
    });
    return this.describe(user);
  }

  async updateSettings(userId: string, settings: UpdateSettingsRequest): Promise<MeResponse> {
    const user = await this.db.transaction(async (em) => {
      await em.update(
        User,
        { id: userId },
        { elderlyMode: settings.elderlyMode, elderlyModeChosenAt: new Date() },
      );
      return em.findOneOrFail(User, { where: { id: userId } });
    });
    return this.describe(user);
  }
}
