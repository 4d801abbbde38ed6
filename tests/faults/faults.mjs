// The faults struck under load: each returns the server to go on with and what it saw go wrong.
import { startServer } from './server-process.mjs';

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** kill -9 of the server process (nothing flushed, no shutdown hook), then a start on the same data. */
export function killServer(settings) {
  return {
    name: 'kill -9 服务端',
    async strike(server) {
      await server.kill();
      return { server: await startServer(settings), problems: [] };
    },
  };
}

/**
 * kill -9 of the database server while the app keeps running: its answers must be 503
 * DATABASE_UNAVAILABLE with Retry-After and come fast, /healthz must say down, and once the database is
 * back the same process must serve again without a restart.
 */
export function databaseOutage(mariadb, { outageMs = 2000 } = {}) {
  return {
    name: '数据库停机',
    async strike(server) {
      const problems = [];
      await mariadb.kill();
      const started = Date.now();
      const probes = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${server.baseUrl}/healthz`).catch(() => null)),
      );
      const tookMs = Date.now() - started;
      if (tookMs > 3000) problems.push(`20 probes during the outage took ${tookMs} ms`);
      for (const probe of probes) {
        if (probe?.status !== 503 || !probe.headers.get('retry-after'))
          problems.push(
            `/healthz during the outage: ${probe?.status} retry-after=${probe?.headers.get('retry-after')}`,
          );
      }
      await pause(outageMs);
      await mariadb.start();
      const deadline = Date.now() + 30_000;
      while (
        (await fetch(`${server.baseUrl}/healthz`).then(
          (r) => r.status,
          () => 0,
        )) !== 200
      ) {
        if (Date.now() > deadline) {
          problems.push('the server did not recover within 30 s of the database coming back');
          break;
        }
        await pause(200);
      }
      return { server, problems: [...new Set(problems)] };
    },
  };
}
