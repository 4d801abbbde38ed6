import { EntityManager, MoreThan } from 'typeorm';
import { GENESIS_HASH } from '../ledger/chain';
import { auditHash } from './audit-chain';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';

const BATCH = 2000;

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first broken place, in words. */
  problems: string[];
}

/** Walks a community's 审计日志 in sequence: each entry's hash, its link to the one before, no gaps, the head. */
export async function verifyAuditChain(em: EntityManager, communityId: string): Promise<AuditVerification> {
  const problems: string[] = [];
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const rows = await em.find(AuditEntry, {
      where: { communityId, sequence: MoreThan(expected - 1) },
      order: { sequence: 'ASC' },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.sequence !== expected) problems.push(`#${expected}: 第 ${expected} 条记录缺失`);
      const { hash, ...fields } = row;
      if (row.prevHash !== prevHash) problems.push(`#${row.sequence} (${row.id}): 与上一条记录的哈希不相连`);
      if (auditHash(fields) !== hash)
        problems.push(`#${row.sequence} (${row.id}): 记录内容与其哈希不符（被修改过）`);
      prevHash = hash;
      expected = row.sequence + 1;
      entries++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await em.findOne(AuditChainHead, { where: { communityId } });
  if (head && (head.lastSequence !== expected - 1 || head.lastHash !== prevHash))
    problems.push(`#${head.lastSequence}: 链头与最后一条记录不一致（末尾的记录被删除过）`);
  if (!head && entries) problems.push('有记录却没有链头');
  return { ok: problems.length === 0, entries, problems };
}
