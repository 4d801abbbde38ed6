import type { Page, RedemptionView, RewardView } from '@redvest/contract';
import { Role } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key';
import { PageQuery } from '../common/paging';
import {
  CancelRedemptionDto,
  CreateRewardDto,
  RedeemDto,
  RedemptionsQuery,
  RewardsQuery,
  UpdateRewardDto,
} from './dto';
import { RedemptionViews } from './redemption-views';
import { RewardsService } from './rewards.service';

@ApiTags('积分兑换')
@ApiBearerAuth()
@Controller('api')
export class RewardsController {
  constructor(
    private readonly rewards: RewardsService,
    private readonly redemptions: RedemptionViews,
  ) {}

  @Get('communities/:cid/rewards')
  list(
    @Param('cid') cid: string,
    @Member() member: CommunityAccess,
    @Query() query: RewardsQuery,
  ): Promise<{ items: RewardView[] }> {
    return this.rewards.list(cid, query.all === '1' && member.roles.has(Role.Secretary));
  }

  @Post('communities/:cid/rewards')
  create(@Param('cid') cid: string, @Body() body: CreateRewardDto): Promise<RewardView> {
    return this.rewards.create(cid, body);
  }

  @Put('rewards/:rewardId')
  update(@Param('rewardId') id: string, @Body() body: UpdateRewardDto): Promise<RewardView> {
    return this.rewards.update(id, body);
  }

  @Post('rewards/:rewardId/redeem')
  @ApiIdempotencyKey()
  redeem(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('rewardId') id: string,
    @Body() body: RedeemDto,
    @IdempotencyKey('redeem') key: string,
  ): Promise<RedemptionView> {
    return this.rewards.redeem(member.communityId, id, auth.user.id, body.quantity ?? 1, key);
  }

  @Get('me/redemptions')
  mine(@Auth() auth: AuthContext, @Query() query: PageQuery): Promise<Page<RedemptionView>> {
    return this.redemptions.mine(auth.user.id, query.cursor, query.limit);
  }

  @Get('communities/:cid/redemptions')
  ofCommunity(@Param('cid') cid: string, @Query() query: RedemptionsQuery): Promise<Page<RedemptionView>> {
    return this.redemptions.ofCommunity(cid, query.status, query.cursor, query.limit);
  }

  @Post('redemptions/:redemptionId/pickup')
  @HttpCode(200)
  pickUp(@Auth() auth: AuthContext, @Param('redemptionId') id: string): Promise<RedemptionView> {
    return this.rewards.pickUp(id, auth.user.id);
  }

  @Post('redemptions/:redemptionId/cancel')
  @HttpCode(200)
  cancel(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('redemptionId') id: string,
    @Body() body: CancelRedemptionDto,
  ): Promise<RedemptionView> {
    return this.rewards.cancel(member, id, auth.user.id, body.reason);
  }
}
