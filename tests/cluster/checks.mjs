// What must hold on every node once the load has stopped: each acknowledged request present exactly
// once, each refused one (503 DATABASE_BUSY) present once after it is sent again, the ledger verified,
// and the nodes holding the same rows.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { verifyLedger } from '../faults/inspect.mjs';
import { ROOT } from '../faults/server-process.mjs';

const mysql = createRequire(join(ROOT, 'apps/server/package.json'))('mysql2/promise');
const COMPARED_TABLES = ['ledger_transfers', 'ledger_accounts', 'attendances', 'redemptions', 'rewards'];

/** A session that waits for the node to have applied everything committed anywhere before it reads. */
async function openNode(url) {
  const connection = await mysql.createConnection(url);
  await connection.query('SET SESSION wsrep_sync_wait = 1');
  const count = async (sql, params = []) =>
    Number(Object.values((await connection.query(sql, params))[0][0])[0]);
  return { connection, count };
}

/** Sends again, as it was, what was refused as busy (the load has stopped: it goes through). */
export async function sendAgain(record) {
  const problems = [];
  for (const request of record.busy) {
    const again = await request.send();
    // Approving an award posts the awards linked to it: one of them may have been posted with another.
    if (request.kind === 'approve' && again.body?.error?.code === 'TRANSFER_NOT_PENDING') {
      record.acks.push({ ...request, resent: true });
      continue;
    }
    if (again.status < 200 || again.status >= 300) {
      problems.push(`${request.kind} sent again: ${again.status} ${JSON.stringify(again.body)}`);
      continue;
    }
    record.acks.push({ ...request, answer: again.body, resent: true });
  }
  return problems;
}

async function acknowledgedOnce(node, world, acks) {
  const problems = [];
  for (const ack of acks) {
    if (ack.kind === 'adjust') {
      const byId = await node.count('SELECT COUNT(*) FROM ledger_transfers WHERE id = ?', [ack.answer.id]);
      const byKey = await node.count(
        'SELECT COUNT(*) FROM ledger_transfers WHERE community_id = ? AND idempotency_key LIKE ?',
        [world.cid, `%:${ack.key}`],
      );
      if (byId !== 1 || byKey !== 1)
        problems.push(`adjustment ${ack.answer.id}: ${byId} by id, ${byKey} by key`);
    } else if (ack.kind === 'approve') {
      const n = await node.count('SELECT COUNT(*) FROM ledger_transfers WHERE pending_id = ?', [
        ack.transferId,
      ]);
      if (n !== 1) problems.push(`approval of ${ack.transferId} posted ${n} times`);
    } else if (ack.kind === 'redeem') {
      const orders = await node.count('SELECT COUNT(*) FROM redemptions WHERE id = ?', [ack.answer.id]);
      const debits = await node.count(
        "SELECT COUNT(*) FROM ledger_transfers WHERE ref_type = 'redemption' AND ref_id = ?",
        [ack.answer.id],
      );
      if (orders !== 1 || debits !== 1)
        problems.push(`redemption ${ack.answer.id}: ${orders} orders, ${debits} debits`);
    } else {
      const rows = await node.count(
        `SELECT COUNT(*) FROM attendances WHERE activity_id = ? AND user_id = ? AND id = ?${
          ack.kind === 'check_out' ? ' AND checked_out_at IS NOT NULL' : ''
        }`,
        [ack.activityId, ack.userId, ack.answer.attendance.id],
      );
      if (rows !== 1) problems.push(`${ack.kind} of ${ack.userId} at ${ack.activityId}: ${rows} rows`);
    }
  }
  return problems;
}

async function checksums(node) {
  const [rows] = await node.connection.query(`CHECKSUM TABLE ${COMPARED_TABLES.join(', ')}`);
  return rows.map((row) => `${row.Table.split('.').pop()}=${row.Checksum}`).join(' ');
}

/** Every check on every node; returns the problems found, each naming its node. */
export async function checkEveryNode({ nodeUrls, settings, world, record }) {
  const problems = [];
  const sums = [];
  for (const [i, url] of nodeUrls.entries()) {
    const name = `node${i + 1}`;
    const node = await openNode(url);
    try {
      problems.push(...(await acknowledgedOnce(node, world, record.acks)).map((p) => `${name}: ${p}`));
      sums.push(await checksums(node));
    } finally {
      await node.connection.end();
    }
    const verified = verifyLedger({ ...settings, DATABASE_URL: url });
    if (!verified.ok) problems.push(`${name}: ledger:verify failed:\n${verified.output}`);
  }
  if (new Set(sums).size !== 1) problems.push(`the nodes hold different rows:\n${sums.join('\n')}`);
  return problems;
}
