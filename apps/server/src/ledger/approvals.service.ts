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
import { LedgerChain } from './ledger-chain';
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
    private readonly chain: LedgerChain,
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

  /**
   * 批量审批 as one unit: one transaction, the chain locked once, each transfer in a savepoint of its own, so a
   * refused one (not pending, not of the branch's compound) is answered alone while the others commit together.
   * When the transaction is lost (a deadlock on every attempt: 503 DATABASE_BUSY, or the database gone) none of
   * it is written, so the request sent again decides the same items and answers the same.
   */
  async batch(
    access: CommunityAccess,
    body: BatchDecisionRequest,
    actorId: string,
  ): Promise<BatchDecisionResponse> {
    if (body.action === 'reject' && !body.reason?.trim()) {
      throw new DomainError(ErrorCode.ValidationFailed, [{ field: 'reason', message: '请填写不通过的原因' }]);
    }
    return this.db.transaction(async (em) => {
      const head = await this.chain.lock(em, access.communityId);
      const results: BatchDecisionResponse['results'] = [];
      const decided = new Set<string>();
      for (const transferId of body.transferIds) {
        // Linked awards are decided together: a partner named later in the list is done already.
        if (decided.has(transferId)) {
          results.push({ transferId, ok: true });
          continue;
        }
        const before = { lastSequence: head.lastSequence, lastHash: head.lastHash };
        await em.query('SAVEPOINT batch_item');
        try {
          const items = await this.decideIn(em, access, transferId, actorId, body.action, body.reason, true);
          items.forEach((item) => decided.add(item.id));
          results.push({ transferId, ok: true });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          await em.query('ROLLBACK TO SAVEPOINT batch_item');
          Object.assign(head, before);
          const { body: answer } = toErrorAnswer(error);
          results.push({
            transferId,
            ok: false,
            error: { code: answer.error.code, message: answer.error.message },
          });
        }
      }
      return { results };
    });
  }

  private async decide(
    access: CommunityAccess,
    transferId: string,
    actorId: string,
    action: 'approve' | 'reject',
    reason?: string,
  ): Promise<TransferView[]> {
    return this.groupCommit.transaction(access.communityId, (em) =>
      this.decideIn(em, access, transferId, actorId, action, reason),
    );
  }

  /** One decision in the caller's transaction: the transfer and its linked ones posted or voided, and audited. */
  private async decideIn(
    em: EntityManager,
    access: CommunityAccess,
    transferId: string,
    actorId: string,
    action: 'approve' | 'reject',
    reason?: string,
    inBatch = false,
  ): Promise<TransferView[]> {
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
