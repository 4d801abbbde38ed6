import type { ApprovalItem, BatchDecisionResponse, DecisionResult, Page } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { PageQuery } from '../common/paging';
import { ApprovalsService } from './approvals.service';
import { BatchDecisionDto, RejectDto } from './dto';

@ApiTags('积分审批')
@ApiBearerAuth()
@Controller('api')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('communities/:cid/approvals')
  queue(@Member() member: CommunityAccess, @Query() query: PageQuery): Promise<Page<ApprovalItem>> {
    return this.approvals.queue(member, query.cursor, query.limit);
  }

  @Post('approvals/:transferId/approve')
  @HttpCode(200)
  async approve(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('transferId') id: string,
  ): Promise<DecisionResult> {
    return { items: await this.approvals.approve(member, id, auth.user.id) };
  }

  @Post('approvals/:transferId/reject')
  @HttpCode(200)
  async reject(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('transferId') id: string,
    @Body() body: RejectDto,
  ): Promise<DecisionResult> {
    return { items: await this.approvals.reject(member, id, auth.user.id, body.reason.trim()) };
  }

  @Post('communities/:cid/approvals/batch')
  @HttpCode(200)
  batch(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Body() body: BatchDecisionDto,
  ): Promise<BatchDecisionResponse> {
    return this.approvals.batch(member, body, auth.user.id);
  }
}
