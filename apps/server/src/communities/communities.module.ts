import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [LedgerModule],
  controllers: [CommunitiesController, MembersController, InvitationsController],
  providers: [CommunitiesService, MembersService, InvitationsService],
  exports: [CommunitiesService, MembersService],
})
export class CommunitiesModule {}
