import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { WishesModule } from '../wishes/wishes.module';
import { ContactController } from './contact.controller';
import { ContactGroupsService } from './contact-groups.service';
import { DemandsService } from './demands.service';
import { ContactGroup, Demand } from './entities';
import { VisitsService } from './visits.service';

/** 包干到户: contact groups, their households, visits and demands. */
@Module({
  imports: [WishesModule],
  controllers: [ContactController],
  providers: [ContactGroupsService, VisitsService, DemandsService],
  exports: [ContactGroupsService, VisitsService],
})
export class ContactModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.register(
      'contact_group',
      async (em, id) => (await em.findOne(ContactGroup, { where: { id } }))?.communityId ?? null,
    );
    this.resources.register(
      'demand',
      async (em, id) => (await em.findOne(Demand, { where: { id } }))?.communityId ?? null,
    );
  }
}
