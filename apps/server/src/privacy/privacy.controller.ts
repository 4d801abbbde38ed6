import type { AccountDeletionResult, MembershipEnded, MyDataExport } from '@redvest/contract';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from '../auth/auth-context';
import { AccountDeletionService } from './account-deletion.service';
import { DeparturesService } from './departures.service';
import { DeleteAccountDto, RemoveMemberDto } from './dto';
import { MyDataExportService } from './my-data-export.service';

/** 个人信息权利: my data as JSON, 注销账号, 退出社区 and 移除成员. */
@ApiTags('个人信息')
@ApiBearerAuth()
@Controller('api')
export class PrivacyController {
  constructor(
    private readonly exports: MyDataExportService,
    private readonly deletion: AccountDeletionService,
    private readonly departures: DeparturesService,
  ) {}

  @Get('me/export')
  exportMine(@Auth() auth: AuthContext): Promise<MyDataExport> {
    return this.exports.export(auth.user.id);
  }

  @Delete('me')
  @HttpCode(200)
  deleteMe(@Auth() auth: AuthContext, @Body() body: DeleteAccountDto): Promise<AccountDeletionResult> {
    return this.deletion.delete(auth.user.id, body?.confirm);
  }

  @Post('communities/:cid/leave')
  @HttpCode(200)
  leave(@Auth() auth: AuthContext, @Param('cid') cid: string): Promise<MembershipEnded> {
    return this.departures.leave(cid, auth.user.id);
  }

  @Post('communities/:cid/members/:userId/remove')
  @HttpCode(200)
  remove(
    @Auth() auth: AuthContext,
    @Param('cid') cid: string,
    @Param('userId') userId: string,
    @Body() body: RemoveMemberDto,
  ): Promise<MembershipEnded> {
    return this.departures.remove(cid, userId, auth.user.id, body.reason);
  }
}
