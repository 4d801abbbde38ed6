import { ErrorCode, MembershipStatus, TransferView } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError } from '../common/domain-error';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { AdjustmentDto } from './dto';
import { LedgerGroupCommit } from './ledger-group-commit';
import { LedgerService } from './ledger.service';
import { transferViews } from './transfer-views';
import { LedgerTransfer } from './ledger-transfer.entity';
import { memberOfTransfer, transferWords } from './transfer-words';

/** Secretaries' own ledger entries: manual adjustments (also how paper records come in) and reversals. */
@Injectable()
export class PointsCommandsService {
  constructor(
    private readonly db: Db,
    private readonly groupCommit: LedgerGroupCommit,
    private readonly ledger: LedgerService,
    private readonly audit: AuditTrail,
  ) {}

  async adjust(
    communityId: string,
    body: AdjustmentDto,
    idempotencyKey: string,
    actorId: string,
  ): Promise<TransferView> {
    return this.groupCommit.transaction(communityId, async (em) => {
      const member = await em.findOne(Membership, { where: { communityId, userId: body.userId } });
      if (!member || member.status !== MembershipStatus.Active)
        throw new DomainError(ErrorCode.MemberNotFound);
      const { transfer, replayed } = await this.ledger.adjust(em, {
        communityId,
        userId: body.userId,
        unit: body.unit,
        amount: body.amount,
        reason: body.reason.trim(),
        idempotencyKey,
        createdBy: actorId,
      });
      if (replayed) this.audit.unchanged();
      else
        await this.audit.record(em, {
          targetType: 'transfer',
          targetId: transfer.id,
          subjectId: body.userId,
          summary: `${body.amount > 0 ? '增加' : '扣减'} ${Math.abs(body.amount)} ${body.unit === 'points' ? '积分' : '分钟'}（原因：${clip(body.reason)}）`,
        });
      return (await transferViews(em, [transfer]))[0];
    });
  }

  async reverse(
    communityId: string,
    transferId: string,
    reason: string,
    actorId: string,
  ): Promise<TransferView[]> {
    return this.db.transaction(async (em) => {
      const { transfer } = await this.ledger.reverse(em, communityId, transferId, actorId, reason.trim());
      const original = await em.findOneOrFail(LedgerTransfer, { where: { id: transferId } });
      await this.audit.record(em, {
        targetType: 'transfer',
        targetId: transferId,
        subjectId: await memberOfTransfer(em, original),
        summary: `冲正 ${transferWords([original])}（原因：${clip(reason)}）`,
      });
      return transferViews(em, [original, transfer]);
    });
  }
}
