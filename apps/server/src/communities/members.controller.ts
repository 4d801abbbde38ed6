import type { EmployerView, MemberView, Page } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '@redvest/contract';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { MembersQuery, SetMemberDto } from './dto';
import { MembersService } from './members.service';

@ApiTags('成员')
@ApiBearerAuth()
@Controller('api/communities/:cid')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  list(
    @Param('cid') cid: string,
    @Member() member: CommunityAccess,
    @Query() query: MembersQuery,
  ): Promise<Page<MemberView>> {
    return this.members.list(cid, query, member.roles.has(Role.Secretary));
  }

  @Post('members')
  @HttpCode(200)
  set(@Auth() auth: AuthContext, @Param('cid') cid: string, @Body() body: SetMemberDto): Promise<MemberView> {
    return this.members.set(cid, body, auth.user.id);
  }

  @Post('members/:userId/verify')
  @HttpCode(200)
  verify(
    @Auth() auth: AuthContext,
    @Param('cid') cid: string,
    @Param('userId') userId: string,
  ): Promise<MemberView> {
    return this.members.verify(cid, userId, auth.user.id);
  }

  @Get('employers')
  employers(@Param('cid') cid: string): Promise<{ items: EmployerView[] }> {
    return this.members.employers(cid);
  }
}
