import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { JobLeases } from './job-leases';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [ActivitiesModule],
  providers: [JobLeases, SchedulerService],
  exports: [SchedulerService],
})
export class JobsModule {}
