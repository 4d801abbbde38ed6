import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { WishesModule } from '../wishes/wishes.module';
import { JobLeases } from './job-leases';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [ActivitiesModule, WishesModule],
  providers: [JobLeases, SchedulerService],
  exports: [SchedulerService],
})
export class JobsModule {}
