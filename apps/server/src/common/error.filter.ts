import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseOutage } from '../database/database-outage';
import { toErrorAnswer } from './error-body';
import { redactPersonalData } from './log-redaction';

/** The one place errors become HTTP answers. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  constructor(private readonly outage: DatabaseOutage) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, unexpected, databaseDown, databaseBusy, headers } = toErrorAnswer(error);
    if (databaseDown) this.outage.noticed(error);
    if (databaseBusy) {
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      this.logger.warn(
        `数据库繁忙（死锁或集群写冲突，重试后仍未成功），已答 503：${request.method} ${request.routeOptions?.url ?? ''}`,
      );
    }
    if (unexpected)
      this.logger.error(
        redactPersonalData(error instanceof Error ? (error.stack ?? error.message) : String(error)),
      );
    void reply
      .status(status)
      .headers(headers ?? {})
      .send(body);
  }
}
