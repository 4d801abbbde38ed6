import type {
  AnnualReport,
  DemandListRow,
  EvaluationsResponse,
  Page,
  ResourceView,
  ServiceProjectView,
} from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { attachment } from '../activities/attendance-export';
import { AuditTrail } from '../audit/audit-trail';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { PageQuery } from '../common/paging';
import { CreateServiceProjectDto, OfferResourceDto, RateMemberDto, YearQueryDto } from './dto';
import { EvaluationService } from './evaluation.service';
import { ThreeListsService } from './three-lists.service';

@ApiTags('三单与年度评价')
@ApiBearerAuth()
@Controller('api')
export class ListsController {
  constructor(
    private readonly lists: ThreeListsService,
    private readonly evaluation: EvaluationService,
    private readonly audit: AuditTrail,
  ) {}

  @Post('communities/:cid/resources')
  offer(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Body() body: OfferResourceDto,
  ): Promise<ResourceView> {
    return this.lists.offer(member, auth.user.id, body);
  }

  @Get('communities/:cid/resources')
  resources(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Query() query: PageQuery,
  ): Promise<Page<ResourceView>> {
    return this.lists.resources(member, auth.user.id, query.cursor, query.limit);
  }

  @Get('communities/:cid/demand-list')
  demandList(@Param('cid') cid: string): Promise<{ rows: DemandListRow[] }> {
    return this.lists.demandList(cid);
  }

  @Post('communities/:cid/service-projects')
  createProject(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Body() body: CreateServiceProjectDto,
  ): Promise<ServiceProjectView> {
    return this.lists.createProject(member, auth.user.id, body);
  }

  @Get('communities/:cid/service-projects')
  projects(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Query() query: PageQuery,
  ): Promise<Page<ServiceProjectView>> {
    return this.lists.projects(member, auth.user.id, query.cursor, query.limit);
  }

  @Post('service-projects/:projectId/take')
  @HttpCode(200)
  take(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('projectId') id: string,
  ): Promise<ServiceProjectView> {
    return this.lists.take(member, id, auth.user.id);
  }

  @Post('service-projects/:projectId/done')
  @HttpCode(200)
  finish(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('projectId') id: string,
  ): Promise<ServiceProjectView> {
    return this.lists.finish(member, id, auth.user.id);
  }

  @Put('communities/:cid/evaluations/:userId')
  @HttpCode(204)
  rate(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('userId') userId: string,
    @Body() body: RateMemberDto,
  ): Promise<void> {
    return this.evaluation.rate(member, auth.user.id, userId, body);
  }

  @Get('communities/:cid/evaluations')
  evaluations(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Query() query: YearQueryDto,
  ): Promise<EvaluationsResponse> {
    return this.evaluation.evaluations(member, auth.user.id, query.year);
  }

  @Get('communities/:cid/reports/annual')
  annual(@Param('cid') cid: string, @Query() query: YearQueryDto): Promise<AnnualReport> {
    return this.evaluation.annual(cid, query.year);
  }

  /** One sheet per employer, written while it is sent: a failure after the answer has begun breaks it off. */
  @Get('communities/:cid/reports/annual/export')
  export(
    @Param('cid') cid: string,
    @Query() query: YearQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Readable {
    this.audit.serve({
      targetType: 'report',
      targetId: `annual:${query.year}`,
      summary: `导出 ${query.year} 年在职党员年度服务情况（每个原单位一张表）`,
    });
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`在职党员${query.year}年度服务情况.xlsx`));
    return this.evaluation.export(cid, query.year);
  }
}
