import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OrganisationModule], providers: [DemoSeedService] })
export class DemoModule {}
