// A community's ledger history written straight into the ledger tables in bulk (multi-row INSERTs), for
// benchmarks of reads at a size the service would take hours to write. Totals, period totals and the
// approval queue agree with the rows; the hashes are placeholders (`ledger:verify` would refuse them).
import { newId, server, sqlTime } from './bench-app.mjs';

const { periodsOf } = server('ledger/earnings.js');

const HASH = '0'.repeat(64);
const YEAR = 365 * 24 * 3600_000;
const CHUNK = 1000;

/** Rows inserted CHUNK at a time, a few statements to a transaction. */
async function insertRows(db, table, columns, rows) {
  const marks = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK * 5) {
    await db.transaction(async (em) => {
      for (let j = i; j < Math.min(i + CHUNK * 5, rows.length); j += CHUNK) {
        const chunk = rows.slice(j, j + CHUNK);
        await em.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => marks).join(', ')}`,
          chunk.flat(),
        );
      }
    });
  }
}

async function hasTable(db, table) {
  const rows = await db.read((em) =>
    em.query(
      'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?',
      [table],
    ),
  );
  return Number(rows[0].n) > 0;
}

async function hasColumn(db, table, column) {
  const rows = await db.read((em) =>
    em.query(
      'SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?',
      [table, column],
    ),
  );
  return Number(rows[0].n) > 0;
}

const TRANSFER_COLUMNS = [
  'id',
  'community_id',
  'sequence',
  'phase',
  'debit_account_id',
  'credit_account_id',
  'unit',
  'amount',
  'pending_id',
  'reverses_id',
  'link_id',
  'code',
  'ref_type',
  'ref_id',
  'memo',
  'idempotency_key',
  'request_hash',
  'created_by',
  'created_at',
  'prev_hash',
  'hash',
];

/**
 * `transfers` rows over the last two years for the community's `members` (MariaDB/MySQL only): linked
 * check-in awards (points and minutes, pending, approved or rejected about 100 awards later), redemptions
 * and adjustments; the first member has about a tenth of them. `openAwards` awards stay in the queue at the end, and the first `stragglers` awards are
 * never decided (the old ones a queue always has). Returns the pending transfers left open, oldest first.
 */
export async function seedLedgerHistory(
  db,
  { communityId, members, secretaryId, transfers, openAwards = 100, stragglers = 3, end = Date.now() },
) {
  const start = end - 2 * YEAR;
  const step = (end - start) / transfers;
  const accounts = new Map();
  const accountOf = (owner, userId, unit) => {
    const key = `${owner}|${unit}`;
    let account = accounts.get(key);
    if (!account) {
      account = { id: newId(start), owner, userId, unit, cp: 0, dp: 0, cq: 0, dq: 0 };
      accounts.set(key, account);
    }
    return account;
  };
  const system = (name, unit) => accountOf(`system:${name}`, null, unit);
  const totals = new Map();
  const addTotal = (userId, unit, at, field, amount) => {
    for (const period of periodsOf(new Date(at))) {
      const key = `${unit}|${period}|${userId}`;
      const total = totals.get(key) ?? { unit, period, userId, earned: 0, spent: 0 };
      total[field] += amount;
      totals.set(key, total);
    }
  };

  const rows = [];
  const open = new Map();
  let sequence = 0;
  const write = (fields) => {
    sequence += 1;
    const at = start + sequence * step;
    const id = newId(Math.floor(at));
    rows.push([
      id,
      communityId,
      sequence,
      fields.phase,
      fields.debit.id,
      fields.credit.id,
      fields.debit.unit,
      fields.amount,
      fields.pendingId ?? null,
      null,
      fields.linkId ?? null,
      fields.code,
      fields.refType ?? null,
      fields.refId ?? null,
      fields.memo ?? null,
      `seed:${sequence}`,
      HASH,
      fields.createdBy ?? null,
      sqlTime(new Date(at)),
      HASH,
      HASH,
    ]);
    return { id, at, ...fields };
  };
  const queue = [];
  const decide = (award) => {
    const approve = award.number % 10 !== 0;
    for (const pending of award.rows) {
      const t = write({
        ...pending,
        phase: approve ? 'post' : 'void',
        pendingId: pending.id,
        memo: approve ? null : '当天未到场',
        createdBy: secretaryId,
      });
      pending.debit.dq -= pending.amount;
      pending.credit.cq -= pending.amount;
      if (approve) {
        pending.debit.dp += pending.amount;
        pending.credit.cp += pending.amount;
        addTotal(pending.credit.userId, pending.unit, t.at, 'earned', pending.amount);
      }
      open.delete(pending.id);
    }
  };

  for (let tick = 0; sequence < transfers; tick++) {
    // The first member takes a tenth of the awards besides their own share: a long history of their own.
    const userId = tick % 10 === 1 ? members[0] : members[tick % members.length];
    const ref = newId();
    const award = { number: tick, rows: [] };
    for (const [unit, amount] of [
      ['points', 10],
      ['minutes', 60],
    ]) {
      const debit = system('ISSUANCE', unit);
      const credit = accountOf(userId, userId, unit);
      const t = write({
        phase: 'pending',
        debit,
        credit,
        unit,
        amount,
        linkId: ref,
        code: 'checkin',
        refType: 'attendance',
        refId: ref,
        memo: '压测活动',
      });
      debit.dq += amount;
      credit.cq += amount;
      award.rows.push(t);
      open.set(t.id, { id: t.id, userId });
    }
    if (tick >= stragglers) queue.push(award);
    if (queue.length > openAwards) decide(queue.shift());
    const points = accountOf(userId, userId, 'points');
    if (tick % 4 === 1 && points.cp - points.dp - points.dq >= 5) {
      const t = write({
        phase: 'single',
        debit: points,
        credit: system('REDEMPTION', 'points'),
        unit: 'points',
        amount: 5,
        code: 'redemption',
        refType: 'redemption',
        refId: newId(),
        memo: '毛巾',
        createdBy: userId,
      });
      points.dp += 5;
      t.credit.cp += 5;
      addTotal(userId, 'points', t.at, 'spent', 5);
    } else if (tick % 4 === 3) {
      const t = write({
        phase: 'single',
        debit: system('ADJUSTMENT', 'points'),
        credit: points,
        unit: 'points',
        amount: 3,
        code: 'adjustment',
        memo: '补录纸质记录',
        createdBy: secretaryId,
      });
      t.debit.dp += 3;
      points.cp += 3;
      addTotal(userId, 'points', t.at, 'earned', 3);
    }
  }

  const created = sqlTime(new Date(start));
  await insertRows(
    db,
    'ledger_accounts',
    [
      'id',
      'community_id',
      'owner',
      'user_id',
      'unit',
      'credits_posted',
      'debits_posted',
      'credits_pending',
      'debits_pending',
      'created_at',
    ],
    [...accounts.values()].map((a) => [
      a.id,
      communityId,
      a.owner,
      a.userId,
      a.unit,
      a.cp,
      a.dp,
      a.cq,
      a.dq,
      created,
    ]),
  );
  await insertRows(db, 'ledger_transfers', TRANSFER_COLUMNS, rows);
  await insertRows(
    db,
    'ledger_chain_heads',
    ['community_id', 'last_sequence', 'last_hash'],
    [[communityId, sequence, HASH]],
  );
  const withSpent = await hasColumn(db, 'ledger_period_totals', 'spent');
  await insertRows(
    db,
    'ledger_period_totals',
    ['community_id', 'unit', 'period', 'user_id', 'earned', ...(withSpent ? ['spent'] : [])],
    [...totals.values()].map((t) => [
      communityId,
      t.unit,
      t.period,
      t.userId,
      t.earned,
      ...(withSpent ? [t.spent] : []),
    ]),
  );
  const pendings = [...open.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (await hasTable(db, 'ledger_open_pendings')) {
    await insertRows(
      db,
      'ledger_open_pendings',
      ['community_id', 'transfer_id', 'user_id'],
      pendings.map((p) => [communityId, p.id, p.userId]),
    );
  }
  return { transfers: sequence, open: pendings };
}

/** Two compounds, the members split between them; returns the compound ids. */
export async function splitIntoCompounds(db, communityId, members) {
  const compounds = [newId(), newId()];
  await insertRows(
    db,
    'compounds',
    ['id', 'community_id', 'name', 'created_at'],
    compounds.map((id, i) => [id, communityId, `压测${i + 1}区`, sqlTime()]),
  );
  for (const [i, compoundId] of compounds.entries()) {
    const half = members.filter((_, k) => k % 2 === i);
    for (let j = 0; j < half.length; j += CHUNK) {
      const chunk = half.slice(j, j + CHUNK);
      await db.transaction((em) =>
        em.query(
          `UPDATE memberships SET compound_id = ? WHERE community_id = ? AND user_id IN (${chunk.map(() => '?').join(', ')})`,
          [compoundId, communityId, ...chunk],
        ),
      );
    }
  }
  return compounds;
}

/** Makes every member of the community a volunteer (volunteer ⇒ resident). */
export async function everyoneVolunteers(db, communityId) {
  await db.transaction((em) =>
    em.query(
      "INSERT INTO membership_roles (membership_id, role, compound_id, community_id) SELECT id, 'volunteer', '', community_id FROM memberships WHERE community_id = ?",
      [communityId],
    ),
  );
}

/**
 * Index statistics brought up to date after a bulk load, as a database that grew row by row has them:
 * with the counts of an empty table, MariaDB reads a community's 100,000 memberships to find 20 of them.
 */
export async function refreshStatistics(db) {
  await db.read((em) =>
    em.query(
      'ANALYZE TABLE memberships, membership_roles, ledger_accounts, ledger_transfers, ledger_open_pendings, ledger_period_totals',
    ),
  );
}
