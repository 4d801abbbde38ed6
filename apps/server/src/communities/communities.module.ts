import { Module } from '@nestjs/common';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  controllers: [CommunitiesController, MembersController],
  providers: [CommunitiesService, MembersService],
  exports: [CommunitiesService, MembersService],
})
export class CommunitiesModule {}
