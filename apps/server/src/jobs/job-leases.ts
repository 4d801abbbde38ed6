import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Db } from '../database/db';
import { JobLease } from './job-lease.entity';

/** A lease row per job: of several server processes, only the one holding an unexpired lease runs the job. */
@Injectable()
export class JobLeases {
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(private readonly db: Db) {}

  async acquire(name: string, ttlMs: number, now = new Date()): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const lease = await em.findOne(JobLease, { where: { name }, ...this.db.forUpdate });
      const expiresAt = new Date(now.getTime() + ttlMs);
      if (!lease) {
        await em
          .createQueryBuilder()
          .insert()
          .into(JobLease)
          .values({ name, holder: this.holder, expiresAt })
          .orIgnore()
          .updateEntity(false)
          .execute();
        return (await em.findOneOrFail(JobLease, { where: { name } })).holder === this.holder;
      }
      if (lease.holder !== this.holder && lease.expiresAt > now) return false;
      await em.update(JobLease, { name }, { holder: this.holder, expiresAt });
      return true;
    });
  }

  /**
   * Gives up every lease this process holds, when it stops: another process takes the jobs at its next tick
   * instead of waiting for the lease to run out (twice the interval).
   */
  async releaseAll(now = new Date()): Promise<void> {
    await this.db.transaction((em) =>
      em.update(JobLease, { holder: this.holder, expiresAt: MoreThan(now) }, { expiresAt: now }),
    );
  }
}
