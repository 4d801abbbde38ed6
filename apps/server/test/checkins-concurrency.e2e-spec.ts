import { ApiError } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { activity, volunteer } from './checkin-fixtures';
import { ADMIN_ENV, ADMIN_OPENID, LoggedIn, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';
import { onMariaDb } from './databases';

jest.setTimeout(120_000);

/** Crowds at the door, on MariaDB (`npm run test:mysql`), where the scans really run at the same time. */
onMariaDb('check-in under concurrency (MariaDB)', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(() => t.close());

  const outcome = (results: PromiseSettledResult<unknown>[]) =>
    results.map((r) =>
      r.status === 'fulfilled' ? 'ok' : r.reason instanceof ApiError ? r.reason.code : String(r.reason),
    );
  const attendances = async (activityId: string) =>
    Number(
      (
        await t.dataSource.query('SELECT COUNT(*) AS n FROM attendances WHERE activity_id = ?', [activityId])
      )[0].n,
    );

  it('keeps one attendance when one volunteer scans 50 times at once', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const act = await activity(secretary, community.id);
    const v = await volunteer(t, secretary, community.id);
    const token = (await secretary.activities.code(act.id)).token;
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => v.checkins.scan({ token })));
    expect(outcome(results).filter((o) => o !== 'ok')).toEqual([]);
    const actions = results.map((r) => (r as PromiseFulfilledResult<{ action: string }>).value.action);
    expect(actions.filter((a) => a === 'checked_in')).toHaveLength(1);
    expect(actions.filter((a) => a === 'already_checked_in')).toHaveLength(49);
    expect(await attendances(act.id)).toBe(1);
    expect((await secretary.activities.get(act.id)).attendeeCount).toBe(1);
  });

  it('records all of 500 volunteers checking in within a few seconds', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const act = await activity(secretary, community.id);
    const volunteers: LoggedIn[] = [];
    for (let i = 0; i < 500; i += 50)
      volunteers.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => volunteer(t, secretary, community.id)))),
      );
    const token = (await secretary.activities.code(act.id, 'poster')).token;
    const started = performance.now();
    const results = await Promise.allSettled(volunteers.map((v) => v.checkins.scan({ token })));
    const seconds = (performance.now() - started) / 1000;
    expect(outcome(results).filter((o) => o !== 'ok')).toEqual([]);
    expect(await attendances(act.id)).toBe(500);
    expect((await secretary.activities.get(act.id)).attendeeCount).toBe(500);
    console.log(
      `500 次并发签到：${seconds.toFixed(2)} 秒，${(500 / seconds).toFixed(0)} 次/秒（${process.env.TEST_MYSQL_URL ? 'MariaDB' : 'SQLite'}）`,
    );
  });

  it('lets exactly 100 of 150 in when the capacity is 100', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const act = await activity(secretary, community.id, { capacity: 100 });
    const volunteers: LoggedIn[] = [];
    for (let i = 0; i < 150; i += 50)
      volunteers.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => volunteer(t, secretary, community.id)))),
      );
    const token = (await secretary.activities.code(act.id)).token;
    const results = outcome(await Promise.allSettled(volunteers.map((v) => v.checkins.scan({ token }))));
    expect(results.filter((o) => o === 'ok')).toHaveLength(100);
    expect(results.filter((o) => o !== 'ok')).toEqual(Array(50).fill(ErrorCode.ActivityFull));
    expect(await attendances(act.id)).toBe(100);
    expect((await secretary.activities.get(act.id)).attendeeCount).toBe(100);
  });
});
