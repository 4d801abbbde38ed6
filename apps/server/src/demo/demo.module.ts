import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OrganisationModule, LedgerModule, ActivitiesModule], providers: [DemoSeedService] })
export class DemoModule {}
