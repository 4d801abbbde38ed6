import {
  ApprovalItem,
  AuditAction,
  BatchDecisionRequest,
  BatchDecisionResponse,
  ErrorCode,
  Page,
  Role,
  toIsoLocal,
  TRANSFER_CODE_LABELS,
  TransferView,
} from '@redvest/contract';
import { canActInCompound } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CommunityAccess } from '../auth/auth-context';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError } from '../common/domain-error';
import { toErrorAnswer } from '../common/error-body';
import { cursorRefused, idCursor, pageOf } from '../common/paging';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransfer } from './ledger-transfer.entity';
import { OpenPending } from './open-pending.entity';
import { LedgerGroupCommit } from './ledger-group-commit';
import { LedgerService } from './ledger.service';
import { memberNames } from '../communities/member-names';
import { memberOfTransfer, transferWords } from './transfer-words';
import { transferViews } from './transfer-views';

/**
 * 积分审批: the queue of pending awards, and the secretaries' decisions. A branch secretary decides for
 * the members of their own compounds; a community secretary for everyone.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly db: Db,
    private readonly groupCommit: LedgerGroupCommit,
    private readonly ledger: LedgerService,
    private readonly audit: AuditTrail,
  ) {}

  /** The pending transfers waiting for a decision, oldest first, read from the queue table a page at a time. */
  async queue(access: CommunityAccess, cursor?: string, limit = 50): Promise<Page<ApprovalItem>> {
    const after = idCursor(cursor);
    return this.db.read(async (em) => {
      if (after && !(await this.isPendingHere(em, access.communityId, after))) throw cursorRefused();
      const query = em
        .createQueryBuilder(OpenPending, 'o')
        .where('o.community_id = :cid', { cid: access.communityId })
        .orderBy('o.transferId', 'ASC')
        .limit(limit + 1);
      if (after) query.andWhere('o.transfer_id > :after', { after });
      if (!access.roles.has(Role.Secretary)) {
        query.innerJoin(Membership, 'm', 'm.community_id = o.community_id AND m.user_id = o.user_id');
        query.andWhere('m.compound_id IN (:...compounds)', {
          compounds: access.branchCompoundIds.length ? access.branchCompoundIds : [''],
        });
      }
      const { items: page, nextCursor } = pageOf(await query.getMany(), limit, (o) => o.transferId);
      const transfers = await em.find(LedgerTransfer, { where: { id: In(page.map((o) => o.transferId)) } });
      const byId = new Map(transfers.map((t) => [t.id, t]));
      const names = await memberNames(
        em,
        access.communityId,
        page.flatMap((o) => (o.userId ? [o.userId] : [])),
      );
      return {
        items: page.map(({ transferId, userId }) => {
          const t = byId.get(transferId)!;
          return {
            transferId,
            userId: userId ?? '',
            userName: (userId && names.get(userId)) || '',
            unit: t.unit,
            amount: t.amount,
            code: t.code,
            codeLabel: TRANSFER_CODE_LABELS[t.code],
            memo: t.memo,
            reference: t.refType && t.refId ? { type: t.refType, id: t.refId } : null,
            linkId: t.linkId,
            createdAt: toIsoLocal(t.createdAt),
            createdBy: t.createdBy,
          };
        }),
        nextCursor,
      };
    });
  }

  approve(access: CommunityAccess, transferId: string, actorId: string): Promise<TransferView[]> {
    return this.decide(access, transferId, actorId, 'approve');
  }

  reject(
    access: CommunityAccess,
    transferId: string,
    actorId: string,
    reason: string,
  ): Promise<TransferView[]> {
    return this.decide(access, transferId, actorId, 'reject', reason);
  }

  /** Each transfer is decided in a transaction of its own: one that fails does not hold back the others. */
  async batch(
    access: CommunityAccess,
    body: BatchDecisionRequest,
    actorId: string,
  ): Promise<BatchDecisionResponse> {
    if (body.action === 'reject' && !body.reason?.trim()) {
      throw new DomainError(ErrorCode.ValidationFailed, [{ field: 'reason', message: '请填写不通过的原因' }]);
    }
    const results: BatchDecisionResponse['results'] = [];
    const decided = new Set<string>();
    for (const transferId of body.transferIds) {
      try {
        if (!decided.has(transferId)) {
          const items = await this.decide(access, transferId, actorId, body.action, body.reason, true);
          items.forEach((item) => decided.add(item.id));
        }
        results.push({ transferId, ok: true });
      } catch (error) {
        const { body: answer, unexpected, databaseDown } = toErrorAnswer(error);
        if (unexpected || databaseDown) throw error;
        results.push({
          transferId,
          ok: false,
          error: { code: answer.error.code, message: answer.error.message },
        });
      }
    }
    return { results };
  }

  private async decide(
    access: CommunityAccess,
    transferId: string,
    actorId: string,
    action: 'approve' | 'reject',
    reason?: string,
    inBatch = false,
  ): Promise<TransferView[]> {
    return this.groupCommit.transaction(access.communityId, async (em) => {
      await this.checkCompound(em, access, transferId);
      const rows =
        action === 'approve'
          ? await this.ledger.post(em, access.communityId, transferId, actorId)
          : await this.ledger.void(em, access.communityId, transferId, actorId, reason!);
      const originals = await em.find(LedgerTransfer, {
        where: { id: In(rows.map((r) => r.pendingId!)) },
        order: { sequence: 'ASC' },
      });
      await this.audit.record(em, {
        action: action === 'approve' ? AuditAction.PointsApprove : AuditAction.PointsReject,
        targetType: 'transfer',
        targetId: transferId,
        subjectId: await memberOfTransfer(em, originals[0]),
        summary: [
          inBatch ? '批量' : '',
          action === 'approve' ? '通过：' : '不通过：',
          transferWords(originals),
          reason ? `（原因：${clip(reason)}）` : '',
        ].join(''),
      });
      return transferViews(em, originals);
    });
  }

  /** A cursor of the queue names a pending transfer of the community (decided since, or not). */
  private isPendingHere(em: EntityManager, communityId: string, transferId: string): Promise<boolean> {
    return em.exists(LedgerTransfer, { where: { id: transferId, communityId, phase: 'pending' } });
  }

  /** A branch secretary may decide only for members of their compounds. */
  private async checkCompound(em: EntityManager, access: CommunityAccess, transferId: string) {
    if (access.roles.has(Role.Secretary)) return;
    const transfer = await em.findOne(LedgerTransfer, {
      where: { id: transferId, communityId: access.communityId },
    });
    if (!transfer) throw new DomainError(ErrorCode.TransferNotFound);
    const account = await em.findOneOrFail(LedgerAccount, { where: { id: transfer.creditAccountId } });
    const membership = account.userId
      ? await em.findOne(Membership, { where: { communityId: access.communityId, userId: account.userId } })
      : null;
    if (
      !membership?.compoundId ||
      !canActInCompound(access.granted, access.branchCompoundIds, membership.compoundId)
    ) {
      throw new DomainError(ErrorCode.Forbidden);
    }
  }
}
