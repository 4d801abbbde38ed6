import { createConnection } from 'mysql2/promise';
import { EntityManager } from 'typeorm';
import { Db } from '../src/database/db';
import { describeWithApp } from './world';

/** The server's pool size (data-source-options.ts): every connection of it is tried at once. */
const POOL = 20;

/**
 * Every transaction runs at READ COMMITTED (no gap locks on rows not there yet), set once per pooled
 * connection rather than before each transaction; a snapshot still reads one moment. MariaDB's own default
 * is REPEATABLE READ, so this fails if the connection setup is lost: a transaction would then not see a
 * row committed by another after its first read.
 */
describeWithApp(
  'transaction isolation',
  (w) => {
    const KEY = ['isolation', 'probe', 1];
    const hits = async (em: EntityManager) =>
      Number(
        (
          await em.query(
            'SELECT hits FROM rate_limit_hits WHERE bucket = ? AND subject = ? AND window_start = ?',
            KEY,
          )
        )[0].hits,
      );

    it('sees what others commit in every pooled connection, and not in a snapshot', async () => {
      const db = w.t.app.get(Db);
      const other = await createConnection((db.dataSource.options as { url: string }).url);
      try {
        await other.query(
          'INSERT INTO rate_limit_hits (bucket, subject, window_start, hits, expires_at) VALUES (?, ?, ?, 0, 0)',
          KEY,
        );
        const bump = () =>
          other.query(
            'UPDATE rate_limit_hits SET hits = hits + 1 WHERE bucket = ? AND subject = ? AND window_start = ?',
            KEY,
          );
        let arrived = 0;
        let bumped!: () => void;
        const afterBump = new Promise<void>((resolve) => (bumped = resolve));
        const seen = Promise.all(
          Array.from({ length: POOL }, () =>
            db.transaction(async (em) => {
              const before = await hits(em);
              if (++arrived === POOL) void bump().then(() => bumped());
              await afterBump;
              return (await hits(em)) - before;
            }),
          ),
        );
        expect(await seen).toEqual(Array(POOL).fill(1));
        const inSnapshot = await db.snapshot(async (em) => {
          const before = await hits(em);
          await bump();
          return (await hits(em)) - before;
        });
        expect(inSnapshot).toBe(0);
      } finally {
        await other.end();
      }
    });
  },
  { only: 'mariadb' },
);
