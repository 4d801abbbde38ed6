import { ResourceKind } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget } from 'typeorm';

export type CommunityOf = (em: EntityManager, id: string) => Promise<string | null>;

/** Each module registers how to find the community that owns its child resources (DESIGN §1's 404 rule). */
@Injectable()
export class ResourceCommunities {
  private readonly resolvers = new Map<ResourceKind, CommunityOf>();

  register(kind: ResourceKind, communityOf: CommunityOf): void {
    this.resolvers.set(kind, communityOf);
  }

  /** The common case: the resource is a row with a `communityId` column. */
  registerEntity(kind: ResourceKind, entity: EntityTarget<{ id: string; communityId: string }>): void {
    this.register(
      kind,
      async (em, id) =>
        (await em.findOne(entity, { where: { id }, select: { id: true, communityId: true } }))?.communityId ??
        null,
    );
  }

  resolverFor(kind: ResourceKind): CommunityOf | undefined {
    return this.resolvers.get(kind);
  }
}
