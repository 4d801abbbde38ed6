import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { LedgerModule } from '../ledger/ledger.module';
import { WishesModule } from '../wishes/wishes.module';
import { ContactController } from './contact.controller';
import { MyContactMemberService } from './my-contact-member.service';
import { ContactGroupViews } from './contact-group-views';
import { ContactGroupsService } from './contact-groups.service';
import { DemandViews } from './demand-views';
import { DemandsService } from './demands.service';
import { ContactGroup, Demand } from './entities';
import { HouseholdAssignmentsService } from './household-assignments.service';
import { VisitsService } from './visits.service';
import { AnnualReportReader } from './annual-report-reader';
import { EvaluationService } from './evaluation.service';
import { ListsController } from './lists.controller';
import { ServiceProject } from './lists.entities';
import { ThreeListsService } from './three-lists.service';

/** 包干到户: contact groups, their households, visits and demands. */
@Module({
  imports: [LedgerModule, WishesModule],
  controllers: [ContactController, ListsController],
  providers: [
    ContactGroupsService,
    MyContactMemberService,
    ContactGroupViews,
    HouseholdAssignmentsService,
    VisitsService,
    DemandsService,
    DemandViews,
    ThreeListsService,
    EvaluationService,
    AnnualReportReader,
  ],
  exports: [ContactGroupsService, HouseholdAssignmentsService, VisitsService, ThreeListsService],
})
export class ContactModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('contact_group', ContactGroup);
    this.resources.registerEntity('service_project', ServiceProject);
    this.resources.registerEntity('demand', Demand);
  }
}
