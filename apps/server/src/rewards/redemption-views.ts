import { Page, RedemptionView, toIsoLocal } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, LessThan } from 'typeorm';
import { memberNames } from '../communities/member-names';
import { Db } from '../database/db';
import { Redemption } from './redemption.entity';

/** 兑换记录: a member's orders and the station's, newest first. */
@Injectable()
export class RedemptionViews {
  constructor(private readonly db: Db) {}

  mine(userId: string, cursor?: string, limit = 20): Promise<Page<RedemptionView>> {
    return this.page({ userId }, cursor, limit);
  }

  ofCommunity(
    communityId: string,
    status?: Redemption['status'],
    cursor?: string,
    limit = 20,
  ): Promise<Page<RedemptionView>> {
    return this.page({ communityId, ...(status ? { status } : {}) }, cursor, limit);
  }

  async view(em: EntityManager, order: Redemption): Promise<RedemptionView> {
    const names = await memberNames(em, order.communityId, [order.userId]);
    return redemptionView(order, names.get(order.userId) ?? '');
  }

  private page(
    where: FindOptionsWhere<Redemption>,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<RedemptionView>> {
    return this.db.read(async (em) => {
      const rows = await em.find(Redemption, {
        where: { ...where, ...(cursor ? { id: LessThan(cursor) } : {}) },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      const items: RedemptionView[] = [];
      // A member's own orders may span communities: names are looked up per community, once each.
      const byCommunity = new Map<string, Map<string, string>>();
      for (const row of page) {
        if (!byCommunity.has(row.communityId)) {
          const ids = page.filter((r) => r.communityId === row.communityId).map((r) => r.userId);
          byCommunity.set(row.communityId, await memberNames(em, row.communityId, ids));
        }
        items.push(redemptionView(row, byCommunity.get(row.communityId)!.get(row.userId) ?? ''));
      }
      return { items, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
    });
  }
}

function redemptionView(r: Redemption, userName: string): RedemptionView {
  return {
    id: r.id,
    communityId: r.communityId,
    rewardId: r.rewardId,
    rewardName: r.rewardName,
    userId: r.userId,
    userName,
    quantity: r.quantity,
    unitCost: r.unitCost,
    total: r.total,
    status: r.status,
    createdAt: toIsoLocal(r.createdAt),
    closedAt: r.closedAt ? toIsoLocal(r.closedAt) : null,
    cancelReason: r.cancelReason,
  };
}
