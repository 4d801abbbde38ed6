import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Db } from '../database/db';
import { FamilyLink } from './family-link.entity';

/** Whom a user acts for as a linked family member (家人代办): what the wish rules ask. */
@Injectable()
export class FamilyReads {
  constructor(private readonly db: Db) {}

  /**
   * The residents `userId` is a linked family member of in the community. With `lock`, the links are held until
   * the transaction ends: an unlink at the same moment waits, so nothing is done for a resident after the link
   * ended.
   */
  async residentsOf(
    em: EntityManager,
    communityId: string,
    userId: string,
    lock = false,
  ): Promise<Set<string>> {
    const links = await em.find(FamilyLink, {
      where: { communityId, familyId: userId, active: true },
      select: { id: true, residentId: true },
      ...(lock ? this.db.forUpdate : {}),
    });
    return new Set(links.map((link) => link.residentId));
  }
}
