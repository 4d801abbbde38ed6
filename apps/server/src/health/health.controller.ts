import type { HealthView } from '@redvest/contract';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Db } from '../database/db';

@ApiTags('运维')
@Controller()
export class HealthController {
  constructor(private readonly db: Db) {}

  /** 200 when the database answers, 503 when it does not. */
  @Get('healthz')
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    try {
      await this.db.read((em) => em.query('SELECT 1'));
      return { status: 'ok', database: 'ok' };
    } catch {
      void reply.status(503);
      return { status: 'degraded', database: 'down' };
    }
  }
}
