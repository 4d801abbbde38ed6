import { Injectable } from '@nestjs/common';
import { AsyncResource } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { Db } from '../database/db';
import { isDatabaseUnavailable, isRetryable } from '../database/db-errors';
import { LedgerChain } from './ledger-chain';

/** The most units of work one transaction carries: the chain stays locked while they all run. */
const MAX_BATCH = 64;

interface Unit {
  work: (em: EntityManager) => Promise<unknown>;
  /** The caller's async context (its request, for the audit trail), in which its work runs. */
  scope: AsyncResource;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for a community's ledger. Every transfer of a community locks its chain head, so its
 * ledger writes take turns; one transaction each would pay the lock's hand-over and a commit (an fsync,
 * 1.7 ms here) per write. Instead the units of work that arrive while a community's transaction commits
 * wait, and then run together: one transaction, one lock of the chain head, one write of the head and
 * of the period totals, one commit, in the order they came. A unit that is refused (too few points, a
 * key reused, a unique key hit) is answered alone while the rest commit: the batch then runs again with
 * each unit in its own savepoint. A unit that arrives when nothing of its community is committing runs
 * alone, as a plain transaction, as soon as the requests that came with it have been read.
 *
 * Only for units that write the ledger of that one community: their work must touch the database only
 * (as with Db.transaction, it may run again when the database picks the transaction as a deadlock victim).
 */
@Injectable()
export class LedgerGroupCommit {
  private readonly waiting = new Map<string, Unit[]>();
  /** Units run and transactions committed for them (or attempted), since start: their ratio is the batching. */
  readonly counts = { units: 0, transactions: 0 };

  constructor(
    private readonly db: Db,
    private readonly chain: LedgerChain,
  ) {}

  transaction<T>(communityId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const unit: Unit = {
        work,
        scope: new AsyncResource('LedgerGroupCommit'),
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      const queue = this.waiting.get(communityId);
      if (queue) {
        queue.push(unit);
        return;
      }
      this.waiting.set(communityId, [unit]);
      // Started after the requests that arrived with this one have been read: on the embedded engine a
      // transaction runs without giving way, so requests meet only here, before it starts.
      setImmediate(() => void this.drain(communityId));
    });
  }

  /** Commits what is queued, in batches, until the community's queue is empty. */
  private async drain(communityId: string): Promise<void> {
    const queue = this.waiting.get(communityId)!;
    while (queue.length > 0) await this.commit(communityId, queue.splice(0, MAX_BATCH));
    this.waiting.delete(communityId);
  }

  /**
   * First as if every unit succeeds: no savepoints, the chain's head and totals written once at the end.
   * When one is refused, that transaction is rolled back whole and the batch runs again with a savepoint
   * for each unit (refusals are rare: a savepoint each time would cost every unit a round trip).
   */
  private async commit(communityId: string, batch: Unit[]): Promise<void> {
    this.counts.units += batch.length;
    this.counts.transactions += 1;
    let outcomes: Outcome[];
    try {
      outcomes = await this.db
        .transaction((em) => this.runAll(em, communityId, batch, 'optimistic'))
        .catch((error) => {
          if (!(error instanceof UnitRefused)) throw error;
          this.counts.transactions += 1;
          return this.db.transaction((em) => this.runAll(em, communityId, batch, 'savepoints'));
        });
    } catch (error) {
      for (const unit of batch) unit.scope.runInAsyncScope(() => unit.reject(error));
      return;
    }
    outcomes.forEach((outcome, i) => {
      const unit = batch[i];
      unit.scope.runInAsyncScope(() =>
        outcome.ok ? unit.resolve(outcome.value) : unit.reject(outcome.error),
      );
    });
  }

  private async runAll(
    em: EntityManager,
    communityId: string,
    batch: Unit[],
    mode: 'optimistic' | 'savepoints',
  ): Promise<Outcome[]> {
    const run = (unit: Unit) => unit.scope.runInAsyncScope(() => unit.work(em));
    if (batch.length === 1) return [{ ok: true, value: await run(batch[0]) }];
    const head = await this.chain.lock(em, communityId);
    const outcomes: Outcome[] = [];
    if (mode === 'optimistic') {
      this.chain.defer(em);
      for (const unit of batch) {
        try {
          outcomes.push({ ok: true, value: await run(unit) });
        } catch (error) {
          if (isRetryable(error) || isDatabaseUnavailable(error)) throw error;
          throw new UnitRefused();
        }
      }
      await this.chain.flush(em);
      return outcomes;
    }
    for (const unit of batch) {
      const before = { lastSequence: head.lastSequence, lastHash: head.lastHash };
      // A savepoint of the same name replaces the last one: nothing to release after a unit that succeeds.
      await em.query('SAVEPOINT ledger_unit');
      try {
        outcomes.push({ ok: true, value: await run(unit) });
      } catch (error) {
        // The transaction itself is lost (a deadlock victim, the database gone): all of it runs again or fails.
        if (isRetryable(error) || isDatabaseUnavailable(error)) throw error;
        await em.query('ROLLBACK TO SAVEPOINT ledger_unit');
        Object.assign(head, before);
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }
}

/** A unit of an optimistic run was refused: the run is rolled back and done again with savepoints. */
class UnitRefused extends Error {}
