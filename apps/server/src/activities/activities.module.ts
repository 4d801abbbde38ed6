import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { AttendanceViews } from '../checkins/attendance-views';
import { AttendanceWrites } from '../checkins/attendance-writes';
import { CheckinCodes } from '../checkins/checkin-codes';
import { CheckinsController } from '../checkins/checkins.controller';
import { CheckinsService } from '../checkins/checkins.service';
import { LedgerModule } from '../ledger/ledger.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityViews } from './activity-views';
import { Activity } from './activity.entity';

/** Volunteer activities and QR check-in. */
@Module({
  imports: [LedgerModule],
  controllers: [ActivitiesController, CheckinsController],
  providers: [
    ActivitiesService,
    ActivityViews,
    AttendanceViews,
    AttendanceWrites,
    CheckinsService,
    CheckinCodes,
  ],
  exports: [ActivitiesService, CheckinsService],
})
export class ActivitiesModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('activity', Activity);
  }
}
