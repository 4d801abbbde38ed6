import { AuditAction, AuditActorRole, Role } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { Db } from '../database/db';
import { FamilyLink, FamilyLinkCode, FamilyLinkEnd } from './family-link.entity';

export type MembershipEndKind = 'left' | 'removed' | 'deleted';

const ENDS: Record<MembershipEndKind, { reason: FamilyLinkEnd; words: string }> = {
  left: { reason: 'left', words: '退出社区' },
  removed: { reason: 'member_removed', words: '被移出社区' },
  deleted: { reason: 'deleted', words: '注销账号' },
};

/** A link ends when either person's membership of its community ends (退出社区, 移除成员, 注销账号). */
@Injectable()
export class FamilyEndings {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Ends every active link of `userId` in the community, on either side, and drops their unused codes, inside
   * the caller's transaction; each ended link is one entry in 审计日志 (by the secretary for 移除成员).
   */
  async endLinksOf(
    em: EntityManager,
    communityId: string,
    userId: string,
    kind: MembershipEndKind,
    actorId: string,
  ): Promise<number> {
    await em.delete(FamilyLinkCode, { communityId, residentId: userId, usedAt: IsNull() });
    const links = await em.find(FamilyLink, {
      where: [
        { communityId, residentId: userId, active: true },
        { communityId, familyId: userId, active: true },
      ],
      order: { id: 'ASC' },
      ...this.db.forUpdate,
    });
    const { reason, words } = ENDS[kind];
    const endedAt = new Date();
    for (const link of links) {
      await em.update(
        FamilyLink,
        { id: link.id, active: true },
        { active: null, endedAt, endedBy: actorId, endReason: reason },
      );
      const asResident = link.residentId === userId;
      const actingAs: AuditActorRole =
        kind === 'removed' ? Role.Secretary : asResident ? Role.Resident : 'family';
      await this.audit.record(em, {
        action: AuditAction.FamilyUnlink,
        communityId,
        targetType: 'family_link',
        targetId: link.id,
        subjectId: asResident ? link.familyId : link.residentId,
        actingAs,
        summary: `${asResident ? '居民' : '家人'}${words}，家人关联随之解除`,
      });
    }
    return links.length;
  }
}
