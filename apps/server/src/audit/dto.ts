import { AuditAction, AuditLogQuery } from '@redvest/contract';
import { DATE_BOUNDS } from '@redvest/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { CalendarDate, Id, Optional } from '../common/fields';
import { PageQuery } from '../common/paging';

/** The filters of 审计日志; the export takes the same ones (and ignores the page). */
export class AuditLogQueryDto extends PageQuery implements AuditLogQuery {
  @ApiPropertyOptional({ enum: AuditAction }) @Optional() @IsEnum(AuditAction) action?: AuditAction;
  @ApiPropertyOptional({ description: '操作人的用户编号' })
  @Optional()
  @Id()
  actorId?: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: '起始日期（含）' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.filterDay)
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: '截止日期（含）' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.filterDay)
  to?: string;
}
