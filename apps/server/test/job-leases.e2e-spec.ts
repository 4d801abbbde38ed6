import { rmSync } from 'node:fs';
import { SchedulerService } from '../src/jobs/scheduler.service';
import { JobLeases } from '../src/jobs/job-leases';
import { itOnMariaDb } from './databases';
import { startTestApp, startTwinApp } from './harness';
import { dropTestDatabase } from './mysql/test-database';

const leaseRows = (app: { dataSource: import('typeorm').DataSource }) =>
  app.dataSource.query('SELECT name, holder, expires_at FROM job_leases ORDER BY name') as Promise<
    { name: string; holder: string; expires_at: Date | string }[]
  >;

describe('scheduled jobs across server processes', () => {
  itOnMariaDb('are taken over at once from a process that stops, not when its leases run out', async () => {
    const first = await startTestApp();
    const second = await startTwinApp(first);
    const { database } = first.config;
    const url = new URL(database.kind === 'mysql' ? database.url : 'mysql://localhost/none');
    try {
      const firstHolder = first.app.get(JobLeases).holder;
      await first.app.get(SchedulerService).tick();
      await second.app.get(SchedulerService).tick();
      const held = await leaseRows(second);
      expect(held.length).toBeGreaterThan(0);
      expect(held.every((lease) => lease.holder === firstHolder)).toBe(true);

      await first.app.close();
      const released = await leaseRows(second);
      expect(released.every((lease) => new Date(lease.expires_at).getTime() <= Date.now())).toBe(true);
      await second.app.get(SchedulerService).tick();
      const secondHolder = second.app.get(JobLeases).holder;
      expect((await leaseRows(second)).every((lease) => lease.holder === secondHolder)).toBe(true);
    } finally {
      await second.close();
      await dropTestDatabase(`${url.protocol}//${url.username}@${url.host}`, url.pathname.slice(1));
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});
