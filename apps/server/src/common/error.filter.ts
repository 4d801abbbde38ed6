import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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
    const { status, body, unexpected, databaseDown, headers } = toErrorAnswer(error);
    if (databaseDown) this.outage.noticed(error);
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
