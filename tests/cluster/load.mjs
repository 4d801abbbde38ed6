// Members check in and out, a secretary approves their awards and adjusts points, members redeem: all
// at once, each client sending to one of the server processes it is given (so to one database node).
// Every answer is kept: 2xx as acknowledged, 503 DATABASE_BUSY as refused (to be sent again), any
// other 5xx as an error.
import { client, must } from '../faults/http.mjs';
import { adjustment, approval, newKey, redemption } from '../faults/requests.mjs';

const HOUR = 3_600_000;

/** Activities running now, one per check-in cycle, each with the code its poster shows. */
export async function openActivities(server, world, count, label) {
  const call = client(server.baseUrl, world.secretaryToken);
  const now = Date.now();
  const activities = [];
  for (let i = 0; i < count; i++) {
    const activity = must(
      await call('POST', `/api/communities/${world.cid}/activities`, {
        body: {
          title: `集群测试活动 ${label}-${i + 1}`,
          category: '其他',
          place: '社区服务站',
          startAt: new Date(now - HOUR).toISOString(),
          endAt: new Date(now + 3 * HOUR).toISOString(),
          pointsRule: { kind: 'per_attendance', points: 5 },
        },
      }),
      'activity',
    );
    const { token } = must(await call('GET', `/api/activities/${activity.id}/code?kind=poster`), 'code');
    activities.push({ id: activity.id, code: token });
  }
  return activities;
}

const KINDS = ['check_in', 'approve', 'redeem', 'adjust'];

function requestFor(kind, { server, world, person, state }) {
  const secretary = client(server.baseUrl, world.secretaryToken);
  const member = client(server.baseUrl, person.token);
  const key = newKey('c', kind);
  if (kind === 'check_in') {
    const activity = world.activities[person.cycle >> 1];
    if (!activity) return null;
    const intent = person.cycle % 2 ? 'check_out' : 'auto';
    person.cycle++;
    const body = { token: activity.code, intent };
    return {
      kind: intent === 'auto' ? 'check_in' : intent,
      activityId: activity.id,
      userId: person.userId,
      send: () => member('POST', '/api/checkins', { body }),
    };
  }
  if (kind === 'approve') {
    const transferId = state.pending.pop();
    return transferId ? approval(secretary, transferId) : null;
  }
  if (kind === 'redeem') return redemption(member, world, person, { key });
  return adjustment(secretary, world, person, { amount: 1 + (state.sent % 5), reason: '集群测试', key });
}

/**
 * One client per member for `durationMs`, client i sending to servers[i % servers.length]; returns what was acknowledged, refused and wrong, and the rate.
 */
export async function concurrentLoad({ servers, world, durationMs, pending }) {
  const record = { acks: [], busy: [], errors: [], refused: {}, latencies: {}, sent: 0 };
  const state = { pending, sent: 0 };
  const stopAt = Date.now() + durationMs;
  const started = Date.now();
  await Promise.all(
    world.people.map(async (person, i) => {
      const server = servers[i % servers.length];
      for (let n = 0; Date.now() < stopAt; n++) {
        const request = requestFor(KINDS[(i + n) % KINDS.length], { server, world, person, state });
        if (!request) continue;
        state.sent++;
        const sentAt = performance.now();
        const answer = await request.send();
        (record.latencies[request.kind] ??= []).push(performance.now() - sentAt);
        request.server = server.name;
        if (answer.status >= 200 && answer.status < 300)
          record.acks.push({ ...request, answer: answer.body });
        else if (answer.status === 503 && answer.body?.error?.code === 'DATABASE_BUSY') {
          if (answer.headers['retry-after'] !== '1')
            record.errors.push(`${request.kind}: 503 without Retry-After`);
          record.busy.push(request);
        } else if (answer.status >= 500 || answer.status === 0)
          record.errors.push(
            `${request.kind} on ${server.name}: ${answer.status} ${JSON.stringify(answer.body ?? answer.error)}`,
          );
        else {
          const code = `${request.kind} ${answer.status} ${answer.body?.error?.code}`;
          record.refused[code] = (record.refused[code] ?? 0) + 1;
        }
      }
    }),
  );
  record.sent = state.sent;
  record.seconds = (Date.now() - started) / 1000;
  return record;
}

export { KINDS };
