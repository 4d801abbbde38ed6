import type { MarkReadRequest, NotificationView, Page } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { Auth, AuthContext } from '../auth/auth-context';
import { Id, Optional } from '../common/fields';
import { PageQuery } from '../common/paging';
import { NotificationsService } from './notifications.service';

class MarkReadDto implements MarkReadRequest {
  @ApiPropertyOptional({ type: [String], description: '不填则全部标为已读' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @Id({ each: true })
  ids?: string[];
}

@ApiTags('消息')
@ApiBearerAuth()
@Controller('api/me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  inbox(
    @Auth() auth: AuthContext,
    @Query() query: PageQuery,
  ): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.inbox(auth.user.id, query.cursor, query.limit);
  }

  @Post('read')
  @HttpCode(204)
  markRead(@Auth() auth: AuthContext, @Body() body: MarkReadDto): Promise<void> {
    return this.notifications.markRead(auth.user.id, body.ids);
  }
}
