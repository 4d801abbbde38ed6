import type { AuditEntryView, Page } from '@redvest/contract';
import { AUDIT_ACTION_LABELS, ErrorCode } from '@redvest/contract';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { attachment } from '../activities/attendance-export';
import { AuditLogQueryDto } from './dto';
import { DomainError } from '../common/domain-error';
import { AuditLogService, MAX_EXPORT_ROWS } from './audit-log.service';
import { auditLogSheet } from './audit-log-sheet';
import { AuditTrail } from './audit-trail';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The filters of an export, in words, for its own entry. */
function filtersText(query: AuditLogQueryDto): string {
  const parts = [
    query.action ? `动作：${AUDIT_ACTION_LABELS[query.action]}` : '',
    query.actorId ? `操作人：${query.actorId}` : '',
    query.from || query.to ? `日期：${query.from ?? '…'} 至 ${query.to ?? '…'}` : '',
  ].filter(Boolean);
  return parts.length ? `（${parts.join('；')}）` : '（全部）';
}

@ApiTags('审计日志')
@ApiBearerAuth()
@Controller('api/communities/:cid/audit-log')
export class AuditController {
  constructor(
    private readonly log: AuditLogService,
    private readonly trail: AuditTrail,
  ) {}

  @Get()
  list(@Param('cid') cid: string, @Query() query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    return this.log.page(cid, query);
  }

  /**
   * The spreadsheet of every entry the filters select, however many (more than a worksheet holds is refused:
   * narrower dates); handing it out is itself an entry of the log, written before the file is sent.
   */
  @Get('export')
  async export(
    @Param('cid') cid: string,
    @Query() query: AuditLogQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const name = await this.log.communityName(cid);
    const { rows, through } = await this.log.exportSelection(cid, query);
    if (rows > MAX_EXPORT_ROWS)
      throw new DomainError(ErrorCode.AuditExportTooLarge, { rows, maxRows: MAX_EXPORT_ROWS });
    this.trail.serve({
      targetType: 'community',
      targetId: cid,
      summary: `导出 ${rows} 条${filtersText(query)}`,
    });
    void reply.header('content-type', XLSX).header('content-disposition', attachment(`${name}审计日志.xlsx`));
    return auditLogSheet(name, this.log.all(cid, query, through));
  }
}
