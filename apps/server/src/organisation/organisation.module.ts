import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { Building } from './building.entity';
import { Household } from './household.entity';
import { HouseholdImportService } from './household-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService, HouseholdImportService],
  exports: [OrganisationService, HouseholdImportService],
})
export class OrganisationModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.register(
      'building',
      async (em, id) => (await em.findOne(Building, { where: { id } }))?.communityId ?? null,
    );
    this.resources.register(
      'household',
      async (em, id) => (await em.findOne(Household, { where: { id } }))?.communityId ?? null,
    );
  }
}
