import type { AttendanceView, CheckinResponse, Page } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from '../auth/auth-context';
import { PageQuery } from '../common/paging';
import { AttendanceViews } from './attendance-views';
import { CheckinsService } from './checkins.service';
import { CheckinDto } from './dto';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('扫码签到')
@ApiBearerAuth()
@Controller('api')
export class CheckinsController {
  constructor(
    private readonly checkins: CheckinsService,
    private readonly attendances: AttendanceViews,
  ) {}

  /** The community comes from the code, so membership and role are checked by the service. */
  @Post('checkins')
  @RateLimit(RATE_LIMITS.scans)
  @HttpCode(200)
  scan(@Auth() auth: AuthContext, @Body() body: CheckinDto): Promise<CheckinResponse> {
    return this.checkins.scan(auth.user.id, body);
  }

  @Get('me/attendances')
  mine(@Auth() auth: AuthContext, @Query() query: PageQuery): Promise<Page<AttendanceView>> {
    return this.attendances.mine(auth.user.id, query.cursor, query.limit);
  }
}
