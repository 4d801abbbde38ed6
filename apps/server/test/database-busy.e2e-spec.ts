import { ERROR_CATALOG, ErrorCode, Role, Unit } from '@redvest/contract';
import { Connection, createConnection } from 'mysql2/promise';
import { TRANSACTION_ATTEMPTS } from '../src/database/db';
import { memberWith, newCommunity } from './fixtures';
import { givePoints, key } from './ledger-fixtures';
import { describeWithApp } from './world';

/**
 * A unit of work that the database picks as a deadlock victim on every attempt: once Db.transaction's
 * retries are spent the caller gets 503 DATABASE_BUSY with Retry-After, never a 500, and nothing was
 * written. On a Galera cluster a conflicting commit on another node ends a transaction with the same
 * errno (1213); here the deadlocks are InnoDB's own, on the standalone MariaDB.
 */
jest.setTimeout(120_000);

/** Rows each rival transaction updates first, so that InnoDB finds the adjustment lighter and rolls it back. */
const BALLAST_ROWS = 200;

/**
 * Two transactions of the test take turns holding the member's ledger accounts. An adjustment locks its
 * community's chain head, then waits for the accounts; the holder then asks for the chain head: a real
 * deadlock, which InnoDB ends by rolling back the adjustment. The holder lets go, the other rival (queued
 * for the accounts meanwhile) has them when the retry comes, and the next round begins.
 */
class Rival {
  private constructor(
    private readonly connection: Connection,
    readonly threadId: number,
    private readonly ballast: [number, number],
  ) {}

  static async open(url: string, index: number): Promise<Rival> {
    const from = index * BALLAST_ROWS + 1;
    const connection = await createConnection(url);
    // As the server's sessions: no gap locks, so the two rivals' ballast never meet.
    await connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    return new Rival(connection, connection.threadId, [from, from + BALLAST_ROWS - 1]);
  }

  /** Begins, becomes heavy, then locks the accounts (waiting while the other rival holds them). */
  async holdAccounts(communityId: string, userId: string): Promise<void> {
    await this.connection.query('START TRANSACTION');
    await this.connection.query(
      'UPDATE deadlock_ballast SET v = v + 1 WHERE id BETWEEN ? AND ?',
      this.ballast,
    );
    await this.connection.query(
      'SELECT id FROM ledger_accounts WHERE community_id = ? AND user_id = ? FOR UPDATE',
      [communityId, userId],
    );
  }

  /** Closes the cycle: granted once InnoDB has rolled back the adjustment waiting for this rival. */
  async lockChainHead(communityId: string): Promise<void> {
    await this.connection.query(
      'SELECT community_id FROM ledger_chain_heads WHERE community_id = ? FOR UPDATE',
      [communityId],
    );
  }

  rollback() {
    return this.connection.query('ROLLBACK');
  }

  close() {
    return this.connection.end();
  }
}

describeWithApp(
  'DATABASE_BUSY: deadlocked on every attempt (MariaDB)',
  (w) => {
    let url: string;
    let watcher: Connection;
    beforeAll(async () => {
      if (w.t.config.database.kind !== 'mysql') throw new Error('MariaDB only');
      url = w.t.config.database.url;
      watcher = await createConnection(url);
      await watcher.query('CREATE TABLE deadlock_ballast (id INT PRIMARY KEY, v INT NOT NULL)');
      const ids = Array.from({ length: 2 * BALLAST_ROWS }, (_, i) => [i + 1, 0]);
      await watcher.query('INSERT INTO deadlock_ballast (id, v) VALUES ?', [ids]);
    });
    afterAll(() => watcher?.end());

    /**
     * Until a transaction other than the rivals waits for a lock that `holder` has. InnoDB refreshes these
     * tables only when they were not read in the last 100 ms, hence the pace.
     */
    async function adjustmentWaitsFor(holder: Rival, rivals: Rival[]) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const [rows] = (await watcher.query(
          `SELECT r.trx_mysql_thread_id AS waiting FROM information_schema.INNODB_LOCK_WAITS w
             JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id
             JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id
           WHERE b.trx_mysql_thread_id = ?`,
          [holder.threadId],
        )) as unknown as [{ waiting: number }[]];
        if (rows.some((r) => !rivals.some((rival) => rival.threadId === Number(r.waiting)))) return;
        if (Date.now() > deadline) throw new Error('the adjustment never waited for the accounts');
      }
    }

    it('answers 503 DATABASE_BUSY with Retry-After after a deadlock on every attempt, writes nothing, and takes the same request later', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const member = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
      // The accounts and the chain head exist before the rivals lock them.
      await givePoints(secretary, community.id, member.userId, 10);
      const rivals = [await Rival.open(url, 0), await Rival.open(url, 1)];
      const idempotencyKey = key();
      const adjust = () =>
        fetch(`${w.t.baseUrl}/api/communities/${community.id}/adjustments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${secretary.token}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify({ userId: member.userId, unit: Unit.Points, amount: 5, reason: '死锁测试' }),
        });
      const deadlocks = async () => {
        const [[row]] = (await watcher.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")) as unknown as [
          { Value: string }[],
        ];
        return Number(row.Value);
      };
      const deadlocksBefore = await deadlocks();
      try {
        await rivals[0].holdAccounts(community.id, member.userId);
        const answer = adjust();
        let next = rivals[1].holdAccounts(community.id, member.userId);
        for (let round = 0; round < TRANSACTION_ATTEMPTS; round++) {
          const holder = rivals[round % 2];
          await adjustmentWaitsFor(holder, rivals);
          await holder.lockChainHead(community.id);
          await holder.rollback();
          await next;
          if (round < TRANSACTION_ATTEMPTS - 1) next = holder.holdAccounts(community.id, member.userId);
        }
        const response = await answer;
        // Other databases on the server may deadlock too: at least these.
        expect((await deadlocks()) - deadlocksBefore).toBeGreaterThanOrEqual(TRANSACTION_ATTEMPTS);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('1');
        expect(await response.json()).toEqual({
          error: { code: ErrorCode.DatabaseBusy, message: ERROR_CATALOG[ErrorCode.DatabaseBusy].message },
        });
        expect(ERROR_CATALOG[ErrorCode.DatabaseBusy].message).toMatch(/[\u4e00-\u9fa5]/);
      } finally {
        for (const rival of rivals) {
          await rival.rollback();
          await rival.close();
        }
      }
      const written = async () => {
        const [[{ n }]] = (await watcher.query(
          'SELECT COUNT(*) AS n FROM ledger_transfers WHERE community_id = ? AND idempotency_key LIKE ?',
          [community.id, `%:${idempotencyKey}`],
        )) as unknown as [{ n: number }[]];
        return Number(n);
      };
      expect(await written()).toBe(0);
      expect((await member.points.mine()).accounts[0].points.balance).toBe(10);
      const again = await adjust();
      expect(again.status).toBe(201);
      expect(await written()).toBe(1);
      expect((await member.points.mine()).accounts[0].points.balance).toBe(15);
      expect(await secretary.points.verify(community.id)).toMatchObject({ ok: true });
    });
  },
  { only: 'mariadb' },
);
