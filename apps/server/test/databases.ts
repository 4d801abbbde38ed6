/**
 * Where a test can fail. On SQLite transactions take turns, so a race test passes there whether or not a
 * lock or a conditional update is in place: such tests run only on MariaDB (`npm run test:mysql`, which
 * CI runs), where transactions really run at the same time.
 */
export const onMariaDb = process.env.TEST_MYSQL_URL ? describe : describe.skip;
export const itOnMariaDb = process.env.TEST_MYSQL_URL ? it : it.skip;
