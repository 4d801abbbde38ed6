import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { LedgerModule } from '../ledger/ledger.module';
import { RedemptionViews } from './redemption-views';
import { Redemption } from './redemption.entity';
import { Reward } from './reward.entity';
import { RewardsController } from './rewards.controller';
import { RewardsService } from './rewards.service';

@Module({
  imports: [LedgerModule],
  controllers: [RewardsController],
  providers: [RewardsService, RedemptionViews],
  exports: [RewardsService],
})
export class RewardsModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('reward', Reward);
    this.resources.registerEntity('redemption', Redemption);
  }
}
