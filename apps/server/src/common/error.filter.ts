import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from './domain-error';
import { toErrorAnswer } from './error-body';
import { redactPersonalData } from './log-redaction';

/** The one place errors become HTTP answers. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, unexpected } = toErrorAnswer(error);
    if (unexpected)
      this.logger.error(
        redactPersonalData(error instanceof Error ? (error.stack ?? error.message) : String(error)),
      );
    if (error instanceof DomainError && error.headers) void reply.headers(error.headers);
    void reply.status(status).send(body);
  }
}
