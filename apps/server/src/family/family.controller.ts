import type { FamilyCodeView, FamilyLinkResult, FamilyOverview } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';
import { LinkFamilyDto } from './dto';
import { FamilyService } from './family.service';

@ApiTags('家人代办')
@ApiBearerAuth()
@Controller('api')
export class FamilyController {
  constructor(private readonly family: FamilyService) {}

  @Get('communities/:cid/family-links')
  overview(@Auth() auth: AuthContext, @Member() member: CommunityAccess): Promise<FamilyOverview> {
    return this.family.overview(member, auth.user.id);
  }

  @Post('communities/:cid/family-codes')
  @RateLimit(RATE_LIMITS.familyCodes)
  createCode(@Auth() auth: AuthContext, @Member() member: CommunityAccess): Promise<FamilyCodeView> {
    return this.family.createCode(member, auth.user.id);
  }

  @Post('family-links')
  @RateLimit(RATE_LIMITS.familyLinksByAddress)
  link(@Auth() auth: AuthContext, @Body() body: LinkFamilyDto): Promise<FamilyLinkResult> {
    return this.family.link(auth.user, body);
  }

  @Post('family-links/:linkId/remove')
  @HttpCode(200)
  unlink(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('linkId') linkId: string,
  ): Promise<{ removed: true }> {
    return this.family.unlink(member, auth.user.id, linkId);
  }
}
