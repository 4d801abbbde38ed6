import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Db } from './db';

/** How often, while the database is down, one probe asks whether it is back. */
const PROBE_INTERVAL_MS = 1000;
/** What a 503 tells clients to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns an outage of the database into two log lines, when it starts and when it ends, instead of a
 * stack trace per request. An error only starts an outage when a probe made at once fails too (one lost
 * pooled connection is no outage); while it lasts, API requests are answered 503 at once instead of each
 * waiting for a connection timeout, and a probe every second notices the end.
 */
@Injectable()
export class DatabaseOutage implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private since: number | null = null;
  private refused = 0;
  private probe?: NodeJS.Timeout;
  private probing = false;
  private confirming = false;

  constructor(private readonly db: Db) {}

  get isDown(): boolean {
    return this.since !== null;
  }

  /** A request or a job met the database down: the first one starts the outage, the others are counted. */
  noticed(error: unknown): void {
    if (this.since !== null || this.confirming) {
      this.refused++;
      return;
    }
    this.refused = 1;
    this.confirming = true;
    void this.reachable().then((up) => {
      this.confirming = false;
      if (up || this.since !== null) return;
      this.since = Date.now();
      this.logger.error(`数据库不可用（${reasonOf(error)}），请求暂时返回 503，恢复后自动继续`);
      this.probe = setInterval(() => void this.checkBack(), PROBE_INTERVAL_MS);
      this.probe.unref();
    });
  }

  /**
   * One round trip. On SQLite it is a write in the writer's turn: a full disk still lets reads through,
   * and an outage ended by a read would start again with the next write.
   */
  private async reachable(): Promise<boolean> {
    try {
      if (this.db.isMysql) await this.db.read((em) => em.query('SELECT 1'));
      else
        await this.db.transaction(async (em) => {
          const [{ user_version }] = await em.query('PRAGMA user_version');
          await em.query(`PRAGMA user_version = ${Number(user_version)}`);
        });
      return true;
    } catch {
      return false;
    }
  }

  /** Probes now (a health check asks during an outage); ends the outage when the database answers. */
  async checkBack(): Promise<void> {
    if (this.probing || this.since === null) return;
    this.probing = true;
    const up = await this.reachable();
    this.probing = false;
    if (!up) return;
    const seconds = Math.round((Date.now() - this.since) / 1000);
    this.stopProbing();
    this.since = null;
    this.logger.log(`数据库已恢复：中断约 ${seconds} 秒，其间 ${this.refused} 次请求得到 503`);
  }

  private stopProbing(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }

  onApplicationShutdown(): void {
    this.stopProbing();
  }
}

function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const inner = e.driverError ?? e;
  return [inner.code, inner.message].filter(Boolean).join(' ') || String(error);
}
