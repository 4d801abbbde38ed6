import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { CommunitiesModule } from '../communities/communities.module';
import { FamilyEndings } from './family-endings';
import { FamilyLink } from './family-link.entity';
import { FamilyReads } from './family-reads';
import { FamilyController } from './family.controller';
import { FamilyService } from './family.service';

/** 家人代办: link codes, family links, and whom a user acts for. */
@Module({
  imports: [CommunitiesModule],
  controllers: [FamilyController],
  providers: [FamilyService, FamilyReads, FamilyEndings],
  exports: [FamilyReads, FamilyEndings],
})
export class FamilyModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('family_link', FamilyLink);
  }
}
