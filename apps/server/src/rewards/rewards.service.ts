import { ErrorCode, RedemptionView, RewardView, Role } from '@redvest/contract';
import { decideCancel, decideOrder, decidePickUp, isRefusal } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommunityAccess } from '../auth/auth-context';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError, refusedWith } from '../common/domain-error';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { requestFingerprint } from '../common/request-fingerprint';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import { CreateRewardDto, UpdateRewardDto } from './dto';
import { RedemptionViews } from './redemption-views';
import { Redemption } from './redemption.entity';
import { Reward } from './reward.entity';

/** 积分兑换: the station's catalog, and orders paid with points. */
@Injectable()
export class RewardsService {
  constructor(
    private readonly db: Db,
    private readonly groupCommit: LedgerGroupCommit,
    private readonly ledger: LedgerService,
    private readonly audit: AuditTrail,
    private readonly views: RedemptionViews,
  ) {}

  async list(communityId: string, includeInactive: boolean): Promise<{ items: RewardView[] }> {
    const rewards = await this.db.read((em) =>
      em.find(Reward, {
        where: { communityId, ...(includeInactive ? {} : { active: true }) },
        order: { cost: 'ASC', id: 'ASC' },
      }),
    );
    return { items: rewards.map(rewardView) };
  }

  async create(communityId: string, body: CreateRewardDto): Promise<RewardView> {
    const now = new Date();
    const reward: Reward = {
      id: newId(),
      communityId,
      name: body.name.trim(),
      description: body.description?.trim() || null,
      photoUrl: body.photoUrl ?? null,
      cost: body.cost,
      stock: body.stock,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction(async (em) => {
      await em.insert(Reward, reward);
      await this.audit.record(em, {
        targetType: 'reward',
        targetId: reward.id,
        summary: `上架“${clip(reward.name, 40)}”：${reward.cost} 积分，库存 ${reward.stock}`,
      });
    });
    return rewardView(reward);
  }

  async update(rewardId: string, body: UpdateRewardDto): Promise<RewardView> {
    return this.db.transaction(async (em) => {
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      const before = await em.findOneOrFail(Reward, { where: { id: rewardId } });
      await em.update(Reward, { id: rewardId }, { ...changes, updatedAt: new Date() });
      const after = await em.findOneOrFail(Reward, { where: { id: rewardId } });
      await this.audit.record(em, {
        targetType: 'reward',
        targetId: rewardId,
        summary: `修改“${clip(before.name, 40)}”：${rewardChanges(before, after)}`,
      });
      return rewardView(after);
    });
  }

  /**
   * Pays for goods in one transaction: the stock is taken with a conditional update, the points with a
   * ledger debit that refuses to overdraw; either failing undoes both. A retry with the same key returns
   * the first order.
   */
  async redeem(
    communityId: string,
    rewardId: string,
    userId: string,
    quantity: number,
    idempotencyKey: string,
  ): Promise<RedemptionView> {
    const requestHash = requestFingerprint({ rewardId, quantity });
    return this.groupCommit.transaction(communityId, async (em) => {
      await this.ledger.lockChain(em, communityId);
      const earlier = await em.findOne(Redemption, { where: { communityId, idempotencyKey } });
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw new DomainError(ErrorCode.IdempotencyKeyReused);
        return this.views.view(em, earlier);
      }
      // Leaving the community (or deleting the account) takes this chain lock first: after it, nobody pays.
      const member = (await em.findOne(Membership, { where: { communityId, userId } })) !== null;
      const reward = await em.findOneOrFail(Reward, { where: { id: rewardId } });
      const decision = decideOrder({ ...reward, active: Boolean(reward.active) }, { quantity, member });
      if (isRefusal(decision)) throw refusedWith(decision);
      const taken = await em
        .createQueryBuilder()
        .update(Reward)
        .set({ stock: () => `stock - ${quantity}`, updatedAt: new Date() })
        .where('id = :id AND stock >= :quantity AND active = :active', {
          id: rewardId,
          quantity,
          active: true,
        })
        .execute();
      if (taken.affected === 0) throw new DomainError(ErrorCode.OutOfStock);
      const id = newId();
      const { transfer } = await this.ledger.redeem(
        em,
        {
          communityId,
          userId,
          amount: decision.total,
          ref: { type: 'redemption', id },
          memo: decision.memo,
          idempotencyKey,
          createdBy: userId,
        },
        'spend',
      );
      const order: Redemption = {
        id,
        communityId,
        rewardId,
        userId,
        rewardName: reward.name,
        quantity,
        unitCost: reward.cost,
        total: decision.total,
        status: 'placed',
        transferId: transfer.id,
        refundTransferId: null,
        idempotencyKey,
        requestHash,
        createdAt: new Date(),
        closedAt: null,
        closedBy: null,
        cancelReason: null,
      };
      await em.insert(Redemption, order);
      return this.views.view(em, order);
    });
  }

  async pickUp(redemptionId: string, actorId: string): Promise<RedemptionView> {
    return this.db.transaction(async (em) => {
      const order = await em.findOneOrFail(Redemption, { where: { id: redemptionId } });
      const decision = decidePickUp(order);
      if (isRefusal(decision)) throw refusedWith(decision);
      const closed = await em.update(
        Redemption,
        { id: redemptionId, status: 'placed' },
        { status: 'picked_up', closedAt: new Date(), closedBy: actorId },
      );
      if (closed.affected === 0) throw new DomainError(ErrorCode.RedemptionClosed);
      await this.audit.record(em, {
        targetType: 'redemption',
        targetId: redemptionId,
        subjectId: order.userId,
        summary: `确认领取：${clip(order.rewardName, 40)} × ${order.quantity}（${order.total} 积分）`,
      });
      return this.views.view(em, await em.findOneOrFail(Redemption, { where: { id: redemptionId } }));
    });
  }

  /** Cancels an order not yet picked up: the points come back (a refund transfer) and so does the stock. */
  async cancel(
    access: CommunityAccess,
    redemptionId: string,
    actorId: string,
    reason: string | undefined,
  ): Promise<RedemptionView> {
    return this.groupCommit.transaction(access.communityId, async (em) => {
      await this.ledger.lockChain(em, access.communityId);
      const order = await em.findOneOrFail(Redemption, { where: { id: redemptionId } });
      const decision = decideCancel(order, {
        userId: actorId,
        isSecretary: access.roles.has(Role.Secretary),
      });
      if (isRefusal(decision)) throw refusedWith(decision);
      if (!(await this.refund(em, order, actorId, reason))) throw new DomainError(ErrorCode.RedemptionClosed);
      if (decision.audited) {
        await this.audit.record(em, {
          targetType: 'redemption',
          targetId: redemptionId,
          subjectId: order.userId,
          summary: `取消兑换并退回 ${order.total} 积分：${clip(order.rewardName, 40)} × ${order.quantity}${reason?.trim() ? `（原因：${clip(reason)}）` : ''}`,
        });
      }
      return this.views.view(em, await em.findOneOrFail(Redemption, { where: { id: redemptionId } }));
    });
  }

  /**
   * Inside the caller's transaction, with the community's chain locked: closes the order if it is still
   * waiting for pickup, refunds its points and puts the stock back. False when it was already closed.
   */
  async refund(em: EntityManager, order: Redemption, actorId: string, reason: string | undefined) {
    const closed = await em.update(
      Redemption,
      { id: order.id, status: 'placed' },
      {
        status: 'cancelled',
        closedAt: new Date(),
        closedBy: actorId,
        cancelReason: reason?.trim() || null,
      },
    );
    if (closed.affected === 0) return false;
    const { transfer } = await this.ledger.redeem(
      em,
      {
        communityId: order.communityId,
        userId: order.userId,
        amount: order.total,
        ref: { type: 'redemption', id: order.id },
        memo: `取消兑换：${order.rewardName} × ${order.quantity}`,
        idempotencyKey: `refund:${order.id}`,
        createdBy: actorId,
      },
      'refund',
    );
    await em.update(Redemption, { id: order.id }, { refundTransferId: transfer.id });
    await em
      .createQueryBuilder()
      .update(Reward)
      .set({ stock: () => `stock + ${order.quantity}`, updatedAt: new Date() })
      .where('id = :id', { id: order.rewardId })
      .execute();
    return true;
  }
}

/** `积分 10 → 12；库存 5 → 8；下架`. */
function rewardChanges(before: Reward, after: Reward): string {
  const changes = [
    before.name !== after.name ? `名称改为“${clip(after.name, 40)}”` : '',
    before.cost !== after.cost ? `积分 ${before.cost} → ${after.cost}` : '',
    before.stock !== after.stock ? `库存 ${before.stock} → ${after.stock}` : '',
    Boolean(before.active) !== Boolean(after.active) ? (after.active ? '上架' : '下架') : '',
    (before.description ?? '') !== (after.description ?? '') ? '说明' : '',
    (before.photoUrl ?? '') !== (after.photoUrl ?? '') ? '图片' : '',
  ].filter(Boolean);
  return changes.length ? changes.join('；') : '无变化';
}

function rewardView(r: Reward): RewardView {
  return {
    id: r.id,
    communityId: r.communityId,
    name: r.name,
    description: r.description,
    photoUrl: r.photoUrl,
    cost: r.cost,
    stock: r.stock,
    active: Boolean(r.active),
  };
}
