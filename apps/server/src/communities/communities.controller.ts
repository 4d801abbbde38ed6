import type { CommunityView, InviteLookup, MembershipView } from '@redvest/contract';
import { Role } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { CommunitiesService } from './communities.service';
import { CreateCommunityDto, JoinDto } from './dto';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('社区')
@ApiBearerAuth()
@Controller('api')
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Post('communities')
  create(@Body() body: CreateCommunityDto): Promise<CommunityView> {
    return this.communities.create(body.name, body.street);
  }

  @Get('communities/:cid')
  get(@Param('cid') cid: string, @Member() member: CommunityAccess): Promise<CommunityView> {
    return this.communities.get(cid, member.roles.has(Role.Secretary));
  }

  @Post('communities/:cid/invite-code/rotate')
  @HttpCode(200)
  rotateInviteCode(@Param('cid') cid: string): Promise<CommunityView> {
    return this.communities.rotateInviteCode(cid);
  }

  @Get('invites/:code')
  @RateLimit(RATE_LIMITS.inviteByUser, RATE_LIMITS.inviteByAddress)
  lookupInvite(@Param('code') code: string): Promise<InviteLookup> {
    return this.communities.lookupInvite(code);
  }

  @Post('communities/:cid/join')
  @RateLimit(RATE_LIMITS.inviteByUser, RATE_LIMITS.inviteByAddress)
  join(@Auth() auth: AuthContext, @Param('cid') cid: string, @Body() body: JoinDto): Promise<MembershipView> {
    return this.communities.join(auth.user, cid, body);
  }
}
