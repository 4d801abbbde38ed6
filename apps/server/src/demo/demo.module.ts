import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OrganisationModule, LedgerModule], providers: [DemoSeedService] })
export class DemoModule {}
