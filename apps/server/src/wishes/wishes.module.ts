import { FamilyModule } from '../family/family.module';
import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { LedgerModule } from '../ledger/ledger.module';
import { WishBoard } from './wish-board';
import { WishJobs } from './wish-jobs';
import { WishPointsService } from './wish-points.service';
import { WishPosting } from './wish-posting';
import { WishViews } from './wish-views';
import { Wish } from './wish.entity';
import { WishesController } from './wishes.controller';
import { WishesService } from './wishes.service';

/** 微心愿 */
@Module({
  imports: [LedgerModule, FamilyModule],
  controllers: [WishesController],
  providers: [WishesService, WishPosting, WishBoard, WishPointsService, WishViews, WishJobs],
  exports: [WishJobs, WishesService, WishPosting],
})
export class WishesModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('wish', Wish);
  }
}
