import { AuditAction, AuditLogQuery } from '@redvest/contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../common/paging';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };

/** The filters of 审计日志; the export takes the same ones (and ignores the page). */
export class AuditLogQueryDto extends PageQuery implements AuditLogQuery {
  @ApiPropertyOptional({ enum: AuditAction }) @IsOptional() @IsEnum(AuditAction) action?: AuditAction;
  @ApiPropertyOptional({ description: '操作人的用户编号' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/)
  actorId?: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: '起始日期（含）' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: '截止日期（含）' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  to?: string;
}
