// A fault struck while clients award, approve and redeem (the server killed, or its database); after
// recovery every request that was answered 2xx must be in the database exactly once, requests left in
// doubt must be present once after a replay with their key, the ledger must verify and the embedded
// file must pass SQLite's integrity check.
import { client, login, must } from './http.mjs';
import { openDatabase, verifyLedger } from './inspect.mjs';
import { adjustment, approval, newKey, redemption } from './requests.mjs';
import { startServer } from './server-process.mjs';

const HOUR = 3_600_000;
/** Real names are Chinese characters only. */
const chineseName = (i) => `志愿者${[...String(i)].map((d) => '零一二三四五六七八九'[d]).join('')}`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function setUp(server, members) {
  const secretary = await login(server.baseUrl, 'demo-secretary');
  const cid = must(await secretary.call('GET', '/api/me'), 'me').memberships[0].communityId;
  const { inviteCode } = must(await secretary.call('GET', `/api/communities/${cid}`), 'community');
  const people = [];
  for (let i = 0; i < members; i++) {
    const person = await login(server.baseUrl, `fault-member-${i}`, `故障测试${i}`);
    const { version } = must(await person.call('GET', '/api/privacy'), 'privacy');
    must(await person.call('POST', '/api/me/privacy-consent', { body: { version } }), 'consent');
    const phone = `139${String(10_000_000 + i).slice(-8)}`;
    must(
      await person.call('POST', `/api/communities/${cid}/join`, {
        body: { inviteCode, realName: chineseName(i), phone },
      }),
      'join',
    );
    must(
      await secretary.call('POST', `/api/communities/${cid}/members`, {
        body: { userId: person.userId, roles: ['volunteer'] },
      }),
      'roles',
    );
    must(
      await secretary.call('POST', `/api/communities/${cid}/adjustments`, {
        body: { userId: person.userId, unit: 'points', amount: 100_000, reason: '故障测试起始积分' },
        headers: { 'idempotency-key': `fault-start-${i}` },
      }),
      'starting points',
    );
    people.push({ userId: person.userId, token: person.token });
  }
  const reward = must(
    await secretary.call('POST', `/api/communities/${cid}/rewards`, {
      body: { name: '故障测试礼品', cost: 1, stock: 100_000 },
    }),
    'reward',
  );
  return { cid, secretaryToken: secretary.token, people, rewardId: reward.id };
}

/** An activity running now, every member checked in and out by the secretary: one pending award each. */
export async function pendingAwards(server, world, round) {
  const call = client(server.baseUrl, world.secretaryToken);
  const now = Date.now();
  const activity = must(
    await call('POST', `/api/communities/${world.cid}/activities`, {
      body: {
        title: `故障测试活动 ${round}`,
        category: '其他',
        place: '社区服务站',
        startAt: new Date(now - HOUR).toISOString(),
        endAt: new Date(now + HOUR).toISOString(),
        pointsRule: { kind: 'per_attendance', points: 5 },
      },
    }),
    'activity',
  );
  for (const person of world.people) {
    for (const action of ['check_in', 'check_out'])
      must(
        await call('POST', `/api/activities/${activity.id}/proxy-checkins`, {
          body: { userId: person.userId, action },
        }),
        action,
      );
  }
  const ids = [];
  for (let cursor; ;) {
    const page = must(
      await call(
        'GET',
        `/api/communities/${world.cid}/approvals?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      ),
      'queue',
    );
    ids.push(...page.items.map((item) => item.transferId));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}

/**
 * One client's requests until told to stop or the server stops answering; what was answered 2xx goes
 * into `acks`, what got no answer or 503 (the database went away mid-request) into `inDoubt`.
 */
async function work(server, world, worker, pending, record, round) {
  const secretary = client(server.baseUrl, world.secretaryToken);
  const person = world.people[worker % world.people.length];
  const member = client(server.baseUrl, person.token);
  for (let n = 0; !round.stopped; n++) {
    const kind = ['adjust', 'approve', 'redeem'][(worker + n) % 3];
    const key = newKey('f', kind);
    let request;
    if (kind === 'adjust') {
      request = adjustment(secretary, world, person, { amount: 1 + (n % 5), reason: '故障测试', key });
    } else if (kind === 'approve') {
      const transferId = pending.pop();
      if (!transferId) continue;
      request = approval(secretary, transferId);
    } else {
      request = redemption(member, world, person, { key });
    }
    const answer = await request.send();
    if (answer.status === 0) {
      record.inDoubt.push(request);
      return;
    }
    if (answer.status === 503 && answer.body?.error?.code === 'DATABASE_UNAVAILABLE') {
      if (answer.headers?.['retry-after'] !== '5') record.errors.push(`${kind}: 503 without Retry-After`);
      record.inDoubt.push(request);
      await pause(100);
    } else if (answer.status >= 200 && answer.status < 300) {
      record.acks.push({ ...request, answer: answer.body });
    } else if (answer.status >= 500) {
      record.errors.push(`${kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
}

async function check(settings, server, world, record) {
  const db = await openDatabase(settings);
  const problems = [];
  const transfersByKey = (key) =>
    db.count('SELECT COUNT(*) FROM ledger_transfers WHERE community_id = ? AND idempotency_key LIKE ?', [
      world.cid,
      `%:${key}`,
    ]);
  try {
    for (const ack of record.acks) {
      if (ack.kind === 'adjust') {
        const n = await db.count('SELECT COUNT(*) FROM ledger_transfers WHERE id = ?', [ack.answer.id]);
        if (n !== 1 || (await transfersByKey(ack.key)) !== 1)
          problems.push(`adjustment ${ack.answer.id} present ${n} times`);
      } else if (ack.kind === 'approve') {
        const n = await db.count('SELECT COUNT(*) FROM ledger_transfers WHERE pending_id = ?', [
          ack.transferId,
        ]);
        if (n !== 1) problems.push(`approval of ${ack.transferId} present ${n} times`);
      } else {
        const orders = await db.count('SELECT COUNT(*) FROM redemptions WHERE id = ?', [ack.answer.id]);
        const debits = await db.count(
          "SELECT COUNT(*) FROM ledger_transfers WHERE ref_type = 'redemption' AND ref_id = ?",
          [ack.answer.id],
        );
        if (orders !== 1 || debits !== 1)
          problems.push(`redemption ${ack.answer.id}: ${orders} orders, ${debits} debits`);
      }
    }
    // An approval in doubt happened once or not at all; approved again now, it is there exactly once.
    for (const request of record.inDoubt.filter((r) => r.kind === 'approve')) {
      const postings = () =>
        db.count('SELECT COUNT(*) FROM ledger_transfers WHERE pending_id = ?', [request.transferId]);
      if ((await postings()) > 1) problems.push(`approval of ${request.transferId} posted twice`);
      const again = await client(server.baseUrl, world.secretaryToken)(
        'POST',
        `/api/approvals/${request.transferId}/approve`,
      );
      if (again.status >= 300 && again.body?.error?.code !== 'TRANSFER_NOT_PENDING')
        problems.push(
          `approval of ${request.transferId} again: ${again.status} ${JSON.stringify(again.body)}`,
        );
      if ((await postings()) !== 1) problems.push(`approval of ${request.transferId} not present once`);
    }
    // Replays, acknowledged or in doubt, must give the first result and add nothing.
    for (const request of [...record.acks, ...record.inDoubt].filter((r) => r.key)) {
      const again = await (request.kind === 'adjust'
        ? client(server.baseUrl, world.secretaryToken)('POST', `/api/communities/${world.cid}/adjustments`, {
            body: request.body,
            headers: { 'idempotency-key': request.key },
          })
        : client(server.baseUrl, request.token)('POST', `/api/rewards/${world.rewardId}/redeem`, {
            body: request.body,
            headers: { 'idempotency-key': request.key },
          }));
      if (again.status < 200 || again.status >= 300) {
        problems.push(
          `replay of ${request.kind} ${request.key}: ${again.status} ${JSON.stringify(again.body)}`,
        );
        continue;
      }
      if (request.answer && again.body.id !== request.answer.id)
        problems.push(`replay of ${request.key} gave another result`);
      if (request.kind === 'adjust' && (await transfersByKey(request.key)) !== 1)
        problems.push(`adjustment ${request.key} not present once after replay`);
      if (
        request.kind === 'redeem' &&
        (await db.count('SELECT COUNT(*) FROM redemptions WHERE id = ?', [again.body.id])) !== 1
      )
        problems.push(`redemption ${request.key} not present once after replay`);
    }
    const integrity = await db.integrity();
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  } finally {
    await db.close();
  }
  return problems;
}

/**
 * Rounds of load, each struck by `fault.strike(server)` at a random moment, which returns the server to
 * go on with (a new process after a kill, the same one after a database outage) and any problem it saw.
 */
export async function faultUnderLoad({ label, settings, rounds, clients, roundMs, fault }) {
  let server = await startServer(settings);
  const record = { acks: [], inDoubt: [], errors: [] };
  const result = { label, rounds: 0, acknowledged: 0, inDoubt: 0, problems: [] };
  try {
    const world = await setUp(server, clients);
    for (let n = 1; n <= rounds; n++) {
      const pending = await pendingAwards(server, world, n);
      const round = { stopped: false };
      const workers = Array.from({ length: clients }, (_, i) =>
        work(server, world, i, pending, record, round),
      );
      await pause(roundMs * (0.4 + Math.random() * 0.6));
      const struck = await fault.strike(server);
      result.rounds++;
      await pause(roundMs / 3);
      round.stopped = true;
      await Promise.all(workers);
      server = struck.server;
      const problems = [...struck.problems, ...(await check(settings, server, world, record))];
      result.problems.push(...problems.map((p) => `round ${n}: ${p}`));
    }
    const verified = verifyLedger(settings);
    if (!verified.ok) result.problems.push(`ledger:verify failed:\n${verified.output}`);
    result.problems.push(...record.errors.map((e) => `5xx under load: ${e}`));
  } finally {
    await server.stop();
  }
  result.acknowledged = record.acks.length;
  result.inDoubt = record.inDoubt.length;
  result.byKind = Object.fromEntries(
    ['adjust', 'approve', 'redeem'].map((k) => [k, record.acks.filter((a) => a.kind === k).length]),
  );
  return result;
}
