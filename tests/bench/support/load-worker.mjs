// The load generator, in its own process (so it is not the server's event loop that sends the load):
// autocannon sends each listed request once, `connections` at a time, and every response's status is
// counted. Reads its job from the JSON file named on the command line; prints the result as JSON. The
// time is taken here, from the start to the last answer: autocannon's own duration counts whole seconds.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;
const statuses = {};
const started = performance.now();
let lastAnswer = started;

const result = await autocannon({
  url: job.base,
  connections: job.connections,
  amount: job.requests.length,
  timeout: 30,
  requests: [
    {
      setupRequest: (request) => {
        const item = job.requests[next++ % job.requests.length];
        return {
          ...request,
          method: item.method,
          path: item.path,
          headers: {
            ...(item.token ? { authorization: `Bearer ${item.token}` } : {}),
            ...(item.body ? { 'content-type': 'application/json' } : {}),
            ...item.headers,
          },
          body: item.body ? JSON.stringify(item.body) : undefined,
        };
      },
      onResponse: (status) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        lastAnswer = performance.now();
      },
    },
  ],
});

const seconds = (lastAnswer - started) / 1000;
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    seconds,
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  }),
);
