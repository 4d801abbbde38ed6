import { FamilyModule } from '../family/family.module';
import { Module } from '@nestjs/common';
import { ContactModule } from '../contact/contact.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RewardsModule } from '../rewards/rewards.module';
import { AccountDeletionService } from './account-deletion.service';
import { DeparturesService } from './departures.service';
import { MembershipEnding } from './membership-ending.service';
import { MyDataExportService } from './my-data-export.service';
import { PrivacyController } from './privacy.controller';

/** 个人信息权利 (PIPL): export, deletion, leaving a community and being removed from one. */
@Module({
  imports: [LedgerModule, RewardsModule, ContactModule, FamilyModule],
  controllers: [PrivacyController],
  providers: [MembershipEnding, MyDataExportService, AccountDeletionService, DeparturesService],
})
export class PrivacyModule {}
