import { AuditAction, AuditEntryView, Role, toIsoLocal } from '@redvest/contract';
import { AUDIT_HASH_VERSION, auditHash } from '../src/audit/audit-chain';
import { AuditChainHead, AuditEntry } from '../src/audit/audit-entry.entity';
import { UNDESCRIBED } from '../src/audit/audit-trail';
import { newId } from '../src/database/ids';
import { LoggedIn } from './fixtures';
import { TestApp } from './harness';

/** The entries of a community's 审计日志 after sequence `after`, oldest first, as its secretary reads them. */
export async function entriesAfter(reader: LoggedIn, cid: string, after: number): Promise<AuditEntryView[]> {
  const fresh: AuditEntryView[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await reader.audit.log(cid, { limit: 100, cursor });
    const newer = page.items.filter((e) => e.sequence > after);
    fresh.push(...newer);
    if (newer.length < page.items.length || !page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return fresh.reverse();
}

export async function lastSequence(reader: LoggedIn, cid: string): Promise<number> {
  return (await reader.audit.log(cid, { limit: 1 })).items[0]?.sequence ?? 0;
}

/**
 * Runs `action` and checks that it wrote `count` entries (one by default) matching `expected`; remembers the
 * action so a test can check that every audited action was tried.
 */
export function auditProbe(reader: () => LoggedIn, cid: () => string) {
  const tried = new Set<AuditAction>();
  return {
    tried,
    async writes<T>(
      expected: Partial<AuditEntryView> & { action: AuditAction },
      action: () => Promise<T>,
      count = 1,
    ): Promise<T> {
      const before = await lastSequence(reader(), cid());
      const result = await action();
      const fresh = await entriesAfter(reader(), cid(), before);
      expect(fresh.map((e) => e.action)).toEqual(Array(count).fill(expected.action));
      for (const entry of fresh) {
        expect(entry).toMatchObject(expected);
        // Written by the use case itself, not by the interceptor's fallback.
        expect(entry.summary).not.toBe(UNDESCRIBED);
      }
      tried.add(expected.action);
      return result;
    },
    /** Runs `action` (which may fail) and checks that nothing was written. */
    async writesNothing(action: () => Promise<unknown>): Promise<void> {
      const before = await lastSequence(reader(), cid());
      await action().catch(() => undefined);
      expect(await entriesAfter(reader(), cid(), before)).toEqual([]);
    },
  };
}

/** A file the API serves with the login. */
export async function download(t: TestApp, who: LoggedIn, path: string): Promise<Response> {
  const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${who.token}` } });
  await response.arrayBuffer();
  return response;
}

export const today = () => toIsoLocal(new Date()).slice(0, 10);

/**
 * Appends `count` chained entries to a community's log behind the server's back (as years of use would, or an
 * older version of the server: `shape`), each an invite code rotation by `actorId`; the chain stays intact.
 */
export async function appendManyEntries(
  t: TestApp,
  communityId: string,
  actorId: string,
  count: number,
  shape: Partial<Pick<AuditEntry, 'actorName' | 'hashVersion'>> = {},
) {
  await t.db.transaction(async (em) => {
    const head = await em.findOneByOrFail(AuditChainHead, { communityId });
    let { lastSequence: sequence, lastHash: prevHash } = head;
    const start = Date.now() - count;
    for (let done = 0; done < count;) {
      const rows: AuditEntry[] = [];
      for (const end = Math.min(count, done + 500); done < end; done++) {
        sequence++;
        const fields = {
          id: newId(),
          communityId,
          sequence,
          occurredAt: new Date(start + done),
          actorId,
          actorName: '书记',
          actorRole: Role.Secretary,
          action: AuditAction.InviteCodeRotate,
          targetType: 'community' as const,
          targetId: communityId,
          subjectId: null,
          summary: `第 ${sequence} 条`,
          ip: null,
          userAgent: null,
          hashVersion: AUDIT_HASH_VERSION,
          prevHash,
          ...shape,
        };
        prevHash = auditHash(fields);
        rows.push({ ...fields, hash: prevHash });
      }
      await em.createQueryBuilder().insert().into(AuditEntry).values(rows).updateEntity(false).execute();
    }
    await em.update(AuditChainHead, { communityId }, { lastSequence: sequence, lastHash: prevHash });
  });
}
