import type { ActivityView, AttendanceView, AttendeeView, CheckinCode, Page } from '@redvest/contract';
import { APP_PAGES } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { attachment, attendanceSheet } from './attendance-export';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { Auth, AuthContext } from '../auth/auth-context';
import { CheckinCodes } from '../checkins/checkin-codes';
import { CheckinsService } from '../checkins/checkins.service';
import { WechatClient } from '../wechat/wechat.client';
import { ActivitiesService } from './activities.service';
import { ActivityViews } from './activity-views';
import {
  ActivitiesQuery,
  CancelActivityDto,
  CodeQuery,
  CreateActivityDto,
  ProxyCheckinDto,
  UpdateActivityDto,
} from './dto';

@ApiTags('志愿活动')
@ApiBearerAuth()
@Controller('api')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly views: ActivityViews,
    private readonly checkins: CheckinsService,
    private readonly codes: CheckinCodes,
    private readonly wechat: WechatClient,
    private readonly audit: AuditTrail,
  ) {}

  @Post('communities/:cid/activities')
  create(
    @Auth() auth: AuthContext,
    @Param('cid') cid: string,
    @Body() body: CreateActivityDto,
  ): Promise<ActivityView> {
    return this.activities.create(cid, body, auth.user.id);
  }

  @Get('communities/:cid/activities')
  list(
    @Auth() auth: AuthContext,
    @Param('cid') cid: string,
    @Query() query: ActivitiesQuery,
  ): Promise<Page<ActivityView>> {
    return this.views.list(cid, auth.user.id, query);
  }

  @Get('activities/:activityId')
  get(@Auth() auth: AuthContext, @Param('activityId') id: string): Promise<ActivityView> {
    return this.views.get(id, auth.user.id);
  }

  @Put('activities/:activityId')
  update(@Param('activityId') id: string, @Body() body: UpdateActivityDto): Promise<ActivityView> {
    return this.activities.update(id, body);
  }

  @Post('activities/:activityId/cancel')
  @HttpCode(200)
  cancel(@Param('activityId') id: string, @Body() body: CancelActivityDto): Promise<ActivityView> {
    return this.activities.cancel(id, body.reason);
  }

  @Post('activities/:activityId/enrolment')
  @HttpCode(200)
  enrol(@Auth() auth: AuthContext, @Param('activityId') id: string): Promise<ActivityView> {
    return this.activities.enrol(id, auth.user.id, true);
  }

  @Post('activities/:activityId/enrolment/cancel')
  @HttpCode(200)
  unenrol(@Auth() auth: AuthContext, @Param('activityId') id: string): Promise<ActivityView> {
    return this.activities.enrol(id, auth.user.id, false);
  }

  @Get('activities/:activityId/code')
  code(@Param('activityId') id: string, @Query() query: CodeQuery): Promise<CheckinCode> {
    return this.codes.code(id, query.kind ?? 'rotating');
  }

  /** A WeChat mini-program code for the poster or the live code, when a WeChat app is configured. */
  @Get('activities/:activityId/wxacode')
  async wxacode(
    @Param('activityId') id: string,
    @Query() query: CodeQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const code = await this.codes.code(id, query.kind ?? 'poster');
    const { contentType, image } = await this.wechat.unlimitedCode(code.token, APP_PAGES.scan);
    void reply.header('content-type', contentType).header('cache-control', 'no-store').send(image);
  }

  @Get('activities/:activityId/attendances')
  attendees(@Param('activityId') id: string): Promise<{ items: AttendeeView[] }> {
    return this.views.attendees(id);
  }

  /**
   * 签到名单 as a spreadsheet, written while it is sent. An unknown activity is a 404 before the answer starts;
   * a failure after that breaks the download off.
   */
  @Get('activities/:activityId/attendances/export')
  async exportAttendees(
    @Param('activityId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { activity, attendees } = await this.views.exportSelection(id);
    this.audit.serve({
      targetType: 'activity',
      targetId: id,
      summary: `导出“${clip(activity.title, 40)}”的签到名单：${attendees} 人（手机号打码）`,
    });
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${activity.title}-签到名单.xlsx`));
    return attendanceSheet(activity.title, this.views.exportPages(activity));
  }

  @Post('activities/:activityId/proxy-checkins')
  @HttpCode(200)
  proxy(
    @Auth() auth: AuthContext,
    @Param('activityId') id: string,
    @Body() body: ProxyCheckinDto,
  ): Promise<AttendanceView> {
    return this.checkins.proxy(id, body.userId, body.action, auth.user.id);
  }
}
