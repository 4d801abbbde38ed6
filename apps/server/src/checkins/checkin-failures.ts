import { ErrorCode } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { CheckinFailure } from './code-failure.entity';

const WINDOW_MS = 10 * 60_000;
const MAX_FAILURES = 10;

/** Wrong codes from one user are limited: ten in ten minutes, then 429 until the window passes. */
@Injectable()
export class CheckinFailures {
  constructor(private readonly db: Db) {}

  async refuseWhenLimited(userId: string, now: Date): Promise<void> {
    const row = await this.db.read((em) => em.findOne(CheckinFailure, { where: { userId } }));
    if (row && now.getTime() - row.windowStart.getTime() < WINDOW_MS && row.failures >= MAX_FAILURES) {
      throw new DomainError(ErrorCode.CheckinRateLimited);
    }
  }

  async record(userId: string, now: Date): Promise<void> {
    await this.db.transaction(async (em) => {
      const row = await em.findOne(CheckinFailure, { where: { userId }, ...this.db.forUpdate });
      if (!row) {
        await em
          .createQueryBuilder()
          .insert()
          .into(CheckinFailure)
          .values({ userId, windowStart: now, failures: 1 })
          .orIgnore()
          .updateEntity(false)
          .execute();
      } else if (now.getTime() - row.windowStart.getTime() >= WINDOW_MS) {
        await em.update(CheckinFailure, { userId }, { windowStart: now, failures: 1 });
      } else {
        await em.update(CheckinFailure, { userId }, { failures: row.failures + 1 });
      }
    });
  }
}
