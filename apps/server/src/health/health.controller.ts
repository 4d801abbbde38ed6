import type { HealthView } from '@redvest/contract';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, DatabaseOutage } from '../database/database-outage';
import { Db } from '../database/db';
import { isDatabaseUnavailable } from '../database/db-errors';

@ApiTags('运维')
@Controller()
export class HealthController {
  constructor(
    private readonly db: Db,
    private readonly outage: DatabaseOutage,
  ) {}

  /**
   * 200 when the database answers, 503 (with Retry-After) when it does not. During an outage it asks the
   * outage's own probe, so that a 200 here means API requests are answered again too.
   */
  @Get('healthz')
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    if (this.outage.isDown) await this.outage.checkBack();
    if (!this.outage.isDown) {
      try {
        await this.db.read((em) => em.query('SELECT 1'));
        return { status: 'ok', database: 'ok' };
      } catch (error) {
        if (isDatabaseUnavailable(error)) this.outage.noticed(error);
      }
    }
    void reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return { status: 'degraded', database: 'down' };
  }
}
