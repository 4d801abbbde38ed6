import { DataSource, EntityManager } from 'typeorm';
import { TestApp } from './harness';

type Work = (em: EntityManager) => Promise<unknown>;

/**
 * Until `stop()`, MySQL picks every transaction as a deadlock victim once: its work runs
 * to the end, then the transaction fails with ER_LOCK_DEADLOCK (1213) and is rolled back, and `Db.transaction`
 * runs the same work again. What a retry does twice (a notice built outside the rolled-back work) shows.
 */
const deadlockVictim = () =>
  Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
    errno: 1213,
  });

/**
 * The next `count` transactions run their work to the end and are then rolled back as deadlock victims
 * (ER_LOCK_DEADLOCK), every one of them: with as many as Db.transaction's attempts, one request's unit of work
 * loses them all and is answered 503 DATABASE_BUSY, writing nothing. What it resolves to: how many were failed.
 */
export function deadlockNextTransactions(t: TestApp, count: number): { failed: number } {
  const dataSource = t.dataSource;
  const original = dataSource.transaction;
  const handle = { failed: 0 };
  dataSource.transaction = function (this: DataSource, ...args: unknown[]) {
    if (handle.failed >= count) {
      dataSource.transaction = original;
      return original.apply(this, args as never);
    }
    handle.failed++;
    const work = args[args.length - 1] as Work;
    const chosen: Work = async (em) => {
      await work(em);
      throw deadlockVictim();
    };
    return original.apply(this, [...args.slice(0, -1), chosen] as never);
  } as DataSource['transaction'];
  return handle;
}

export function deadlockEveryTransactionOnce(t: TestApp): { victims: number; stop(): void } {
  const dataSource = t.dataSource;
  const original = dataSource.transaction;
  const victims = new WeakSet<Work>();
  const handle = {
    victims: 0,
    stop() {
      dataSource.transaction = original;
    },
  };
  dataSource.transaction = function (this: DataSource, ...args: unknown[]) {
    const work = args[args.length - 1] as Work;
    if (victims.has(work)) return original.apply(this, args as never);
    victims.add(work);
    handle.victims++;
    const chosen: Work = async (em) => {
      await work(em);
      throw deadlockVictim();
    };
    return original.apply(this, [...args.slice(0, -1), chosen] as never);
  } as DataSource['transaction'];
  return handle;
}
