import { TRANSFER_CODE_LABELS, TransferCode, Unit } from '@redvest/contract';
import { EntityManager } from 'typeorm';
import { LedgerAccount } from './ledger-account.entity';

const UNIT_WORDS: Record<Unit, string> = { [Unit.Points]: '积分', [Unit.Minutes]: '分钟' };

/** `志愿服务签到 15 积分 + 120 分钟`: linked transfers in words, for the 审计日志. */
export function transferWords(transfers: { unit: Unit; amount: number; code: TransferCode }[]): string {
  const amounts = transfers.map((t) => `${t.amount} ${UNIT_WORDS[t.unit]}`).join(' + ');
  return `${transfers[0] ? TRANSFER_CODE_LABELS[transfers[0].code] : ''} ${amounts}`.trim();
}

/** The member whose account a transfer credits (or debits, for a debit to a member). */
export async function memberOfTransfer(
  em: EntityManager,
  transfer: { creditAccountId: string; debitAccountId: string },
): Promise<string | null> {
  const accounts = await em.find(LedgerAccount, {
    where: [{ id: transfer.creditAccountId }, { id: transfer.debitAccountId }],
  });
  return accounts.find((a) => a.userId)?.userId ?? null;
}
