import { onMariaDb } from './databases';
import { ADMIN_ENV, ADMIN_OPENID, LoggedIn, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';

/** What the tests of one file share: the real server on its own database, and the platform admin. */
export interface TestWorld {
  t: TestApp;
  admin: LoggedIn;
}

/** …and a community made for the file, with its first secretary (`c.secretary`). */
export interface CommunityWorld extends TestWorld {
  c: Awaited<ReturnType<typeof newCommunity>>;
  cid: string;
}

interface WorldOptions {
  /** More settings for the server (the platform admin's are always there). */
  env?: Record<string, string>;
  /** The platform admin's nickname. */
  adminNickname?: string;
  /** `'mariadb'` for race tests: skipped on SQLite, where they cannot fail (databases.ts). */
  only?: 'mariadb';
}

/**
 * `describe` with the server started before the file's tests and closed after them. The world's fields
 * are filled in before the first test runs, so tests read them as `w.t`, `w.admin`.
 */
export function describeWithApp(
  name: string,
  body: (w: TestWorld) => void,
  options: WorldOptions = {},
): void {
  const describeHere = options.only === 'mariadb' ? onMariaDb : describe;
  describeHere(name, () => {
    const w = {} as TestWorld;
    beforeAll(async () => {
      w.t = await startTestApp({ ...ADMIN_ENV, ...options.env });
      w.admin = await w.t.login(ADMIN_OPENID, options.adminNickname);
    });
    afterAll(() => w.t?.close());
    body(w);
  });
}

/** describeWithApp, and one community for all the file's tests (`w.c`, `w.cid`). */
export function describeWithCommunity(
  name: string,
  body: (w: CommunityWorld) => void,
  options: WorldOptions = {},
): void {
  describeWithApp(
    name,
    (app) => {
      const w = app as CommunityWorld;
      beforeAll(async () => {
        w.c = await newCommunity(w.t, w.admin);
        w.cid = w.c.community.id;
      });
      body(w);
    },
    options,
  );
}
