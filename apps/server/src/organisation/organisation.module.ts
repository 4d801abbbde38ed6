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
    this.resources.registerEntity('building', Building);
    this.resources.registerEntity('household', Household);
  }
}
