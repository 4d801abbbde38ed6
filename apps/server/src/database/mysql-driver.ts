import * as mysql2 from 'mysql2';

/**
 * mysql2 as TypeORM gets it, with changes to each pooled connection as the pool opens it. The statements
 * are queued on the new connection before the pool hands it out, so nothing runs on it first:
 * - READ COMMITTED for its whole session, so a transaction starts with one statement instead of two
 *   (`SET TRANSACTION ISOLATION LEVEL`, then `START TRANSACTION`). Reads that need a snapshot still ask
 *   for REPEATABLE READ themselves (Db.snapshot).
 * - on a Galera cluster (`@@wsrep_on`), `wsrep_sync_wait`: a node applies writes committed on the other
 *   nodes a moment after they commit, so without it a read sent to this node right after a write through
 *   another could miss that write. With bit 1, `START TRANSACTION` and reads outside a transaction first
 *   wait until this node has applied everything committed in the cluster before they began. `syncWait`
 *   undefined adds bit 1 to the server's own setting; a number sets that bitmask (0: no waits). Standalone
 *   MariaDB is left as it is; MySQL has no such variable and refuses the statement, which is ignored.
 * - one promise wrapper, kept: TypeORM asks for `.promise()` before every query, and mysql2 answers each
 *   call with a `require` and a new wrapper (2% of a check-in's CPU). The wrapper holds no state of its own.
 */
export function pooledMysql({ syncWait }: { syncWait?: number } = {}) {
  const wsrepSyncWait = syncWaitStatement(syncWait);
  return {
    ...mysql2,
    createPool(options: mysql2.PoolOptions) {
      const pool = mysql2.createPool(options);
      pool.on('connection', (connection) => {
        connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        connection.query(wsrepSyncWait, () => undefined);
        const wrapper = connection.promise();
        connection.promise = () => wrapper;
      });
      return pool;
    },
  };
}

export function syncWaitStatement(syncWait: number | undefined): string {
  const value = syncWait === undefined ? '@@SESSION.wsrep_sync_wait | 1' : String(syncWait);
  return `SET SESSION wsrep_sync_wait = IF(@@GLOBAL.wsrep_on, ${value}, @@SESSION.wsrep_sync_wait)`;
}
