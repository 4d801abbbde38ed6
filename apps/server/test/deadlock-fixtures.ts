import { DataSource, EntityManager } from 'typeorm';
import { TestApp } from './harness';

type Work = (em: EntityManager) => Promise<unknown>;

/**
 * Until `stop()`, MySQL picks every transaction as a deadlock victim once: its work runs
 * to the end, then the transaction fails with ER_LOCK_DEADLOCK (1213) and is rolled back, and `Db.transaction`
 * runs the same work again. What a retry does twice (a notice built outside the rolled-back work) shows.
 */
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
      throw Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
        errno: 1213,
      });
    };
    return original.apply(this, [...args.slice(0, -1), chosen] as never);
  } as DataSource['transaction'];
  return handle;
}
