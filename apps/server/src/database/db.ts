import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way services reach the database.
 *
 * TypeORM's SQLite drivers share one connection, so concurrent transactions would nest as savepoints
 * and lose writes. On SQLite every transaction, and every read that must not see another's uncommitted
 * rows, takes its turn here; MySQL/MariaDB has real concurrent transactions and row locks.
 */
@Injectable()
export class Db {
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'sqljs' || dataSource.options.type === 'better-sqlite3';
  }

  get isMysql(): boolean {
    return !this.serial;
  }

  /** `SELECT … FOR UPDATE` on MySQL; on SQLite the serialised transaction already excludes others. */
  get forUpdate(): { lock?: { mode: 'pessimistic_write' } } {
    return this.serial ? {} : { lock: { mode: 'pessimistic_write' } };
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    return this.inTurn(() => this.dataSource.transaction(work));
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return work(this.dataSource.manager);
    return this.inTurn(() => work(this.dataSource.manager));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
