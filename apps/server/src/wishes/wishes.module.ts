import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { LedgerModule } from '../ledger/ledger.module';
import { WishJobs } from './wish-jobs';
import { Wish } from './wish.entity';
import { WishesController } from './wishes.controller';
import { WishesService } from './wishes.service';

/** 微心愿 */
@Module({
  imports: [LedgerModule],
  controllers: [WishesController],
  providers: [WishesService, WishJobs],
  exports: [WishJobs, WishesService],
})
export class WishesModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('wish', Wish);
  }
}
