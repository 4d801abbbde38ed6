import { checkWishPoints, wishPointsChangeSummary, wishPointsTable } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { WishPoints } from './wish-points.entity';

/** The points a community gives per wish category; a wish keeps the points of its category when posted. */
@Injectable()
export class WishPointsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  /** The community's points per category; the ones not set are 10. */
  async points(communityId: string): Promise<Record<string, number>> {
    return wishPointsTable(await this.db.read((em) => em.find(WishPoints, { where: { communityId } })));
  }

  async setPoints(communityId: string, points: Record<string, number>): Promise<Record<string, number>> {
    const refusal = checkWishPoints(points);
    if (refusal) throw new DomainError(refusal.error, refusal.details);
    const before = await this.points(communityId);
    await this.db.transaction(async (em) => {
      for (const [category, value] of Object.entries(points))
        await em.save(WishPoints, { communityId, category, points: value });
      await this.audit.record(em, {
        targetType: 'community',
        targetId: communityId,
        summary: wishPointsChangeSummary(before, points),
      });
    });
    return this.points(communityId);
  }
}
