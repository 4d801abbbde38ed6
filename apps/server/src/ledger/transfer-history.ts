import { EntityManager, In } from 'typeorm';
import { cursorRefused, idCursor } from '../common/paging';
import { LedgerTransfer } from './ledger-transfer.entity';

const SIDES = ['debit_account_id', 'credit_account_id'] as const;
/** The rows a member sees as theirs; a posting or voiding row shows as the status of its pending one. */
const LISTED_PHASES = ['pending', 'single'] as const;

export interface HistoryRange {
  accountIds: string[];
  order: 'ASC' | 'DESC';
  /** Created at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
}

/**
 * The transfer a cursor names: one listed on these accounts (and within the range's dates), or the cursor
 * is refused.
 */
export async function historyCursor(
  em: EntityManager,
  range: HistoryRange,
  cursor: string | undefined,
): Promise<LedgerTransfer | undefined> {
  const id = idCursor(cursor);
  if (!id) return undefined;
  const row = await em.findOne(LedgerTransfer, { where: { id } });
  const listed =
    row &&
    (LISTED_PHASES as readonly string[]).includes(row.phase) &&
    (range.accountIds.includes(row.debitAccountId) || range.accountIds.includes(row.creditAccountId)) &&
    (!range.from || row.createdAt >= range.from) &&
    (!range.to || row.createdAt < range.to);
  if (!listed) throw cursorRefused();
  return row;
}

/**
 * Up to `limit` transfers listed on these accounts, by (created_at, id), after the cursor's row: one
 * range of the (account, phase, created_at, id) indexes per account, side and phase, each read no further
 * than the page, in one statement. A page costs the same however long the history.
 */
export async function historyPage(
  em: EntityManager,
  range: HistoryRange,
  after: LedgerTransfer | undefined,
  limit: number,
): Promise<LedgerTransfer[]> {
  if (range.accountIds.length === 0) return [];
  const createdAt = em.connection.getMetadata(LedgerTransfer).findColumnWithPropertyName('createdAt')!;
  // The value as the driver stores it (SQLite keeps text), so the comparison is the column's own.
  const stored = (date: Date) => em.connection.driver.preparePersistentValue(date, createdAt) as unknown;
  const [op, order] = range.order === 'DESC' ? ['<', 'DESC'] : ['>', 'ASC'];
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (range.from) {
    conditions.push('created_at >= ?');
    values.push(stored(range.from));
  }
  if (range.to) {
    conditions.push('created_at < ?');
    values.push(stored(range.to));
  }
  if (after) {
    const at = stored(after.createdAt);
    conditions.push(`created_at ${op}= ? AND (created_at ${op} ? OR id ${op} ?)`);
    values.push(at, at, after.id);
  }
  const where = conditions.map((c) => ` AND ${c}`).join('');
  const ranges: string[] = [];
  const parameters: unknown[] = [];
  for (const accountId of range.accountIds) {
    for (const side of SIDES) {
      for (const phase of LISTED_PHASES) {
        ranges.push(
          `SELECT id, created_at FROM (SELECT id, created_at FROM ledger_transfers WHERE ${side} = ? AND phase = ?${where} ORDER BY created_at ${order}, id ${order} LIMIT ?) r${ranges.length}`,
        );
        parameters.push(accountId, phase, ...values, limit);
      }
    }
  }
  const ids: { id: string }[] = await em.query(
    `${ranges.join(' UNION ALL ')} ORDER BY created_at ${order}, id ${order} LIMIT ?`,
    [...parameters, limit],
  );
  const rows = await em.find(LedgerTransfer, { where: { id: In(ids.map((r) => r.id)) } });
  const byId = new Map(rows.map((t) => [t.id, t]));
  return ids.map((r) => byId.get(r.id)!);
}
