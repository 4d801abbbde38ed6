import { SystemAccount, Unit } from '@redvest/contract';
import { EntityManager, In } from 'typeorm';
import { newId } from '../database/ids';
import { LedgerAccount } from './ledger-account.entity';

export type AccountOwner = { userId: string } | { system: SystemAccount };

const ownerKey = (owner: AccountOwner) => ('userId' in owner ? owner.userId : `system:${owner.system}`);

/** The owner's account in this unit, opened on its first transfer. Called under the chain-head lock. */
export async function accountOf(
  em: EntityManager,
  communityId: string,
  owner: AccountOwner,
  unit: Unit,
): Promise<LedgerAccount> {
  const key = ownerKey(owner);
  const found = await em.findOne(LedgerAccount, { where: { communityId, owner: key, unit } });
  if (found) return found;
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
  await em.insert(LedgerAccount, account);
  return account;
}

/** The accounts with these ids, in the order given. */
export async function accountsById(em: EntityManager, ids: string[]): Promise<LedgerAccount[]> {
  const accounts = await em.find(LedgerAccount, { where: { id: In(ids) } });
  return ids.map((id) => accounts.find((a) => a.id === id)!);
}
