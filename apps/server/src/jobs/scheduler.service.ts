import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CheckinsService } from '../checkins/checkins.service';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { DatabaseOutage } from '../database/database-outage';
import { isDatabaseUnavailable } from '../database/db-errors';
import { WishJobs } from '../wishes/wish-jobs';
import { JobLeases } from './job-leases';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { AuthService } from '../auth/auth.service';

/** Runs the scheduled jobs every JOBS_INTERVAL_SECONDS, in whichever process holds each job's lease. */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Scheduler');
  private timer: NodeJS.Timeout | null = null;
  /** The tick under way, which a shutdown lets finish before it gives the leases up. */
  private running: Promise<void> | null = null;
  private readonly jobs: { name: string; run: (now: Date) => Promise<unknown> }[];

  constructor(
    private readonly leases: JobLeases,
    checkins: CheckinsService,
    wishJobs: WishJobs,
    limiter: RateLimiter,
    auth: AuthService,
    private readonly outage: DatabaseOutage,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.jobs = [
      { name: 'close-unclosed-attendances', run: (now) => checkins.closeOverdue(now) },
      { name: 'expire-wish-claims', run: (now) => wishJobs.expireClaims(now) },
      { name: 'auto-confirm-wishes', run: (now) => wishJobs.autoConfirm(now) },
      { name: 'purge-rate-limits', run: (now) => limiter.purge(now) },
      { name: 'purge-revoked-tokens', run: (now) => auth.purgeRevokedTokens(now) },
    ];
  }

  onApplicationBootstrap(): void {
    if (this.config.jobsIntervalSeconds <= 0) return;
    this.timer = setInterval(() => void this.runTick(), this.config.jobsIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** Before the database closes (Db's own onModuleDestroy runs after those of the modules that use it). */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    try {
      await this.leases.releaseAll();
    } catch (error) {
      // A stopping process whose database is gone leaves its leases to run out, as before.
      this.logger.warn(`leases not released: ${(error as Error).message}`);
    }
  }

  private runTick(): void {
    if (this.running) return; // a slow tick is not overtaken by the next one
    this.running = this.tick().finally(() => (this.running = null));
  }

  async tick(now = new Date()): Promise<void> {
    for (const job of this.jobs) {
      try {
        if (await this.leases.acquire(job.name, this.config.jobsIntervalSeconds * 2000 || 120_000, now))
          await job.run(now);
      } catch (error) {
        if (isDatabaseUnavailable(error)) return this.outage.noticed(error);
        this.logger.error(`${job.name}: ${(error as Error).message}`);
      }
    }
  }
}
