import { SystemAccount, Unit } from '@redvest/contract';
import { EntityManager, In } from 'typeorm';
import { newId } from '../database/ids';
import { columnsOf, hydrate, insertRows } from '../database/rows';
import { LedgerAccount } from './ledger-account.entity';

export type AccountOwner = { userId: string } | { system: SystemAccount };

export const ownerKey = (owner: AccountOwner) =>
  'userId' in owner ? owner.userId : `system:${owner.system}`;

/**
 * The owners' accounts in this unit, in the order given, those not there yet opened (their first
 * transfer): one read for all, one insert for the new. Called under the chain-head lock.
 */
export async function accountsOf(
  em: EntityManager,
  communityId: string,
  owners: AccountOwner[],
  unit: Unit,
): Promise<LedgerAccount[]> {
  const keys = owners.map(ownerKey);
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${columnsOf(em, LedgerAccount, 'a')} FROM ledger_accounts a WHERE a.community_id = ? AND a.unit = ? AND a.owner IN (${keys.map(() => '?').join(', ')})`,
    [communityId, unit, ...keys],
  );
  const found = new Map(
    rows.map((row) => hydrate(em, LedgerAccount, row, 'a')).map((account) => [account.owner, account]),
  );
  const opened: LedgerAccount[] = [];
  for (const [i, key] of keys.entries()) {
    if (found.has(key)) continue;
    const owner = owners[i];
    const account: LedgerAccount = {
      id: newId(),
      communityId,
      owner: key,
      userId: 'userId' in owner ? owner.userId : null,
      unit,
      creditsPosted: 0,
      debitsPosted: 0,
      creditsPending: 0,
      debitsPending: 0,
      createdAt: new Date(),
    };
    found.set(key, account);
    opened.push(account);
  }
  await insertRows(em, LedgerAccount, opened);
  return keys.map((key) => found.get(key)!);
}

/** The accounts with these ids, in the order given. */
export async function accountsById(em: EntityManager, ids: string[]): Promise<LedgerAccount[]> {
  const accounts = await em.find(LedgerAccount, { where: { id: In(ids) } });
  return ids.map((id) => accounts.find((a) => a.id === id)!);
}
