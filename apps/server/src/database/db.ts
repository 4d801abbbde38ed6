import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryable } from './db-errors';

/** The embedded database's read-only connection (null on MySQL, whose pool serves reads and writes). */
export const READER = Symbol('READER');

export const TRANSACTION_ATTEMPTS = 8;
/**
 * Full jitter, doubling from 10 ms: two writers that collided (on Galera, two nodes committing the same
 * community's chain head) seldom collide again; all eight attempts take at most about 2.5 s.
 */
const backoffMs = (attempt: number) => Math.random() * 10 * 2 ** (attempt - 1);

/**
 * The one way services reach the database.
 *
 * TypeORM's SQLite driver shares one connection, so concurrent transactions would nest as savepoints
 * and lose writes: on SQLite every transaction takes its turn here. Reads go to a second, read-only
 * connection, which in WAL mode sees the last commit and never another's uncommitted rows, so they
 * need not wait. MySQL/MariaDB has real concurrent transactions and row locks.
 */
@Injectable()
export class Db implements OnModuleDestroy {
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataSource: DataSource,
    @Inject(READER) private readonly reader: DataSource | null,
  ) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  async onModuleDestroy(): Promise<void> {
    if (this.reader?.isInitialized) await this.reader.destroy();
  }

  get isMysql(): boolean {
    return !this.serial;
  }

  /** `SELECT … FOR UPDATE` on MySQL; on SQLite the serialised transaction already excludes others. */
  get forUpdate(): { lock?: { mode: 'pessimistic_write' } } {
    return this.serial ? {} : { lock: { mode: 'pessimistic_write' } };
  }

  /** The same lock in hand-written SQL (database/rows.ts): ` FOR UPDATE` on MySQL, nothing on SQLite. */
  get forUpdateSql(): string {
    return this.serial ? '' : ' FOR UPDATE';
  }

  /**
   * One unit of work in one transaction. On MySQL it runs at READ COMMITTED (no gap locks on rows that
   * are not there yet) and is run again when the database picked it as a deadlock victim, or when, on a
   * Galera cluster, another node committed a conflicting write first (also errno 1213), so `work` must
   * only touch the database (no calls to other services inside a transaction). When every attempt lost,
   * the error goes on and the caller is answered 503 DATABASE_BUSY (common/error-body.ts).
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.serial) return this.inTurn(() => this.dataSource.transaction(work));
    for (let attempt = 1; ; attempt++) {
      try {
        // Every pooled connection is at READ COMMITTED for its session (database/mysql-driver.ts).
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return work((this.reader ?? this.dataSource).manager);
  }

  /**
   * Reads that must see one consistent moment (a whole-ledger walk): a REPEATABLE READ snapshot on MySQL;
   * on SQLite a turn of the writer, since a transaction on the shared reader would hold back other reads.
   */
  snapshot<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction('REPEATABLE READ', work);
    return this.inTurn(() => work(this.dataSource.manager));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
