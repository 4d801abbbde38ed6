import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { answerClientError, answerFrameworkError } from './common/client-errors';
import { compressAnswers } from './common/compression';
import { databaseDownAnswer } from './common/error-body';
import { ErrorFilter } from './common/error.filter';
import { closeConnectionsWhileDraining } from './common/graceful-shutdown';
import { serveH5Pages } from './common/h5-pages';
import { MAX_BODY_BYTES, refuseDeepInput } from './common/input-limits';
import { serializeError, serializeRequest } from './common/log-redaction';
import { MULTIPART_LIMITS } from './common/multipart';
import { addSecurityHeaders, inlineScriptHashes } from './common/security-headers';
import { validationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { DatabaseOutage } from './database/database-outage';
import { setUpOpenApi } from './openapi';
import { ResourceCommunities } from './auth/resource-communities';
import {
  checkAuditDeclarations,
  checkResourceResolvers,
  checkRouteTable,
  ServedRoute,
} from './route-table.check';

/** During a known outage, API requests get their 503 at once instead of each waiting out a connection timeout. */
function answerAtOnceWhileDatabaseIsDown(fastify: FastifyInstance, outage: DatabaseOutage): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!outage.isDown || !request.url.startsWith('/api/')) return;
    outage.noticed(null);
    const { status, body, headers } = databaseDownAnswer();
    return reply
      .status(status)
      .headers(headers ?? {})
      .send(body);
  });
}

/** The whole server, configured and ready to listen; used by main and by the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization'],
      serializers: { req: serializeRequest, err: serializeError },
    },
    bodyLimit: MAX_BODY_BYTES,
    // At shutdown (graceful-shutdown.ts): idle kept-alive connections are closed at once, and a request
    // that still arrives on a busy one is answered (with Connection: close), not refused with a 503.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.logLevel === 'silent' ? false : ['error', 'warn', 'log'],
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const h5Index = join(config.h5Dir, 'index.html');
  const h5Built = existsSync(h5Index);
  addSecurityHeaders(fastify, h5Built ? inlineScriptHashes(readFileSync(h5Index, 'utf8')) : []);
  closeConnectionsWhileDraining(fastify);
  const routes: ServedRoute[] = [];
  fastify.addHook('onRoute', ({ method, url }) => {
    for (const one of [method].flat()) routes.push({ method: one, url });
  });
  await compressAnswers(app);
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  refuseDeepInput(fastify);
  app.useGlobalPipes(validationPipe());
  const outage = app.get(DatabaseOutage);
  app.useGlobalFilters(new ErrorFilter(outage));
  answerAtOnceWhileDatabaseIsDown(fastify, outage);
  if (config.apiDocs) setUpOpenApi(app);
  if (h5Built) await serveH5Pages(app, config.h5Dir);
  await app.init();
  checkRouteTable(routes);
  checkAuditDeclarations();
  checkResourceResolvers(app.get(ResourceCommunities));
  return app;
}
