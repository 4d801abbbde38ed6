import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { WishesModule } from '../wishes/wishes.module';
import { ContactModule } from '../contact/contact.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [OrganisationModule, LedgerModule, ActivitiesModule, WishesModule, ContactModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
