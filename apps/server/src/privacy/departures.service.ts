import { ErrorCode, MembershipEnded } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { NotificationsService } from '../notifications/notifications.service';
import { EndingInput, MembershipEnding } from './membership-ending.service';

/** 退出社区 and 移除成员: the person stays a user; their membership of this one community ends. */
@Injectable()
export class DeparturesService {
  constructor(
    private readonly db: Db,
    private readonly ending: MembershipEnding,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditTrail,
  ) {}

  leave(communityId: string, userId: string): Promise<MembershipEnded> {
    return this.run({ communityId, userId, actorId: userId, kind: 'left' });
  }

  remove(communityId: string, userId: string, actorId: string, reason: string): Promise<MembershipEnded> {
    if (userId === actorId) throw new DomainError(ErrorCode.RemoveSelfNotAllowed);
    return this.run({ communityId, userId, actorId, kind: 'removed', reason });
  }

  private async run(input: EndingInput): Promise<MembershipEnded> {
    const { ended, notices } = await this.db.transaction(async (em) => {
      // A claim or a redemption of theirs at this moment waits for this, or this waits for it.
      if (!(await this.ending.lockFor(em, input.userId, [input.communityId])))
        throw new DomainError(ErrorCode.MemberNotFound);
      const result = await this.ending.end(em, input);
      if (input.kind === 'removed') {
        await this.audit.record(em, {
          targetType: 'member',
          targetId: input.userId,
          subjectId: input.userId,
          summary: `移除成员（原因：${clip(input.reason ?? '')}）；服务记录与积分账本保留`,
        });
      }
      return result;
    });
    await this.notifications.push(notices);
    return ended;
  }
}
