import { Module, OnModuleInit } from '@nestjs/common';
import { ResourceCommunities } from '../auth/resource-communities';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';
import { LedgerReadsService } from './ledger-reads.service';
import { LedgerTransfer } from './ledger-transfer.entity';
import { LedgerChain } from './ledger-chain';
import { LedgerGroupCommit } from './ledger-group-commit';
import { LedgerService } from './ledger.service';
import { PointsCommandsService } from './points-commands.service';
import { PointsController } from './points.controller';

@Module({
  controllers: [PointsController, ApprovalsController],
  providers: [
    LedgerChain,
    LedgerGroupCommit,
    LedgerService,
    LedgerReadsService,
    ApprovalsService,
    PointsCommandsService,
  ],
  exports: [LedgerService, LedgerReadsService, LedgerGroupCommit],
})
export class LedgerModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('transfer', LedgerTransfer);
  }
}
