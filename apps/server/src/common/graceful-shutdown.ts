import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';

/**
 * How long requests under way may take to finish after SIGTERM before their connections are closed anyway:
 * within the 10 s `docker stop` waits before SIGKILL (Kubernetes and systemd wait longer).
 */
export const DRAIN_GRACE_MS = 8_000;
/** How often, while draining, connections whose answer has gone out are closed (they would idle for 72 s). */
const IDLE_SWEEP_MS = 50;

const draining = new WeakSet<FastifyInstance>();

/**
 * While the server drains, every answer says `Connection: close`, so a client's kept-alive connection ends
 * with the answer it was waiting for instead of being reset afterwards. (Fastify says it itself only to
 * requests that arrived after closing began.) Registered before the server starts.
 */
export function closeConnectionsWhileDraining(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (draining.has(fastify) && !reply.raw.headersSent) void reply.header('connection', 'close');
    return payload;
  });
}

/**
 * Stops serving: no new connections, idle kept-alive ones closed, requests under way finished (their
 * connections closed as each answer goes out), all within `graceMs`, after which what is left is closed.
 * The database and everything else are still open meanwhile; the app's own shutdown comes after.
 */
export async function drainHttp(app: NestFastifyApplication, graceMs = DRAIN_GRACE_MS): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const server = app.getHttpServer() as Server;
  draining.add(fastify);
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await fastify.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}

/**
 * SIGTERM or SIGINT: drain the HTTP server, then close the app (its hooks give up the job leases and close
 * the database), then exit. A second signal while stopping changes nothing.
 */
export function stopOnSignals(
  app: NestFastifyApplication,
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
) {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.log(`${signal}：不再接受新连接，等待进行中的请求完成`);
    try {
      await drainHttp(app);
      await app.close();
      logger.log(`已停止（${Date.now() - started} ms）`);
      process.exit(0);
    } catch (error) {
      logger.error(`停止时出错：${(error as Error).stack ?? String(error)}`);
      process.exit(1);
    }
  };
  for (const signal of signals) process.on(signal, (received: NodeJS.Signals) => void stop(received));
}
