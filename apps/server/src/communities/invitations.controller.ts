import type { InvitationView } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from '../auth/auth-context';
import { SetMemberDto } from './dto';
import { InvitationsService } from './invitations.service';

@ApiTags('成员')
@ApiBearerAuth()
@Controller('api')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('communities/:cid/invitations')
  invite(
    @Auth() auth: AuthContext,
    @Param('cid') cid: string,
    @Body() body: SetMemberDto,
  ): Promise<InvitationView> {
    return this.invitations.invite(cid, body, auth.user.id);
  }

  @Get('communities/:cid/invitations')
  ofCommunity(@Param('cid') cid: string): Promise<{ items: InvitationView[] }> {
    return this.invitations.ofCommunity(cid);
  }

  @Post('communities/:cid/invitations/:invitationId/cancel')
  @HttpCode(200)
  cancel(@Param('cid') cid: string, @Param('invitationId') id: string): Promise<InvitationView> {
    return this.invitations.cancel(cid, id);
  }

  @Get('me/invitations')
  mine(@Auth() auth: AuthContext): Promise<{ items: InvitationView[] }> {
    return this.invitations.mine(auth.user.id);
  }

  @Post('invitations/:invitationId/accept')
  @HttpCode(200)
  accept(@Auth() auth: AuthContext, @Param('invitationId') id: string): Promise<InvitationView> {
    return this.invitations.accept(id, auth.user);
  }

  @Post('invitations/:invitationId/decline')
  @HttpCode(200)
  decline(@Auth() auth: AuthContext, @Param('invitationId') id: string): Promise<InvitationView> {
    return this.invitations.decline(id, auth.user.id);
  }
}
