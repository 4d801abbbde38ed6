import { WishStatus } from '@redvest/contract';
import { Inject, Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { Wish } from './wish.entity';
import { WishesService } from './wishes.service';

const DAY = 24 * 3600_000;

/** The wishes' scheduled work: claims not fulfilled in time reopen; fulfilments not answered are confirmed. */
@Injectable()
export class WishJobs {
  constructor(
    private readonly db: Db,
    private readonly wishes: WishesService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async expireClaims(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.wishes.claimDays * DAY);
    const due = await this.db.read((em) =>
      em.find(Wish, {
        where: { status: WishStatus.Claimed, claimedAt: LessThan(cutoff) },
        select: { id: true },
      }),
    );
    let done = 0;
    for (const { id } of due) done += (await this.wishes.actAsSystem(id, 'expire_claim')) ? 1 : 0;
    return done;
  }

  async autoConfirm(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.wishes.autoConfirmDays * DAY);
    const due = await this.db.read((em) =>
      em.find(Wish, {
        where: { status: WishStatus.Fulfilled, fulfilledAt: LessThan(cutoff) },
        select: { id: true },
      }),
    );
    let done = 0;
    for (const { id } of due) done += (await this.wishes.actAsSystem(id, 'auto_confirm')) ? 1 : 0;
    return done;
  }
}
