import { ErrorCode } from '@redvest/contract';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { RateRule } from './rules';

export interface Window {
  /** Unix seconds. */
  start: number;
  end: number;
  seconds: number;
}

/** The fixed window `now` falls in: windows of one length start at the same instants in every process. */
export function windowAt(now: Date, seconds: number): Window {
  const start = Math.floor(now.getTime() / 1000 / seconds) * seconds;
  return { start, end: start + seconds, seconds };
}

/**
 * A sliding window estimated from two fixed ones: the previous window's count weighted by how much of it
 * still lies within one window length of now, plus the current window's. Unlike fixed windows alone it
 * allows no double burst across a boundary, and it needs only two counters.
 */
export function slidingEstimate(previous: number, current: number, window: Window, now: Date): number {
  const elapsed = (now.getTime() / 1000 - window.start) / window.seconds;
  return previous * (1 - elapsed) + current;
}

/**
 * Whole seconds until one more request would be within `limit` again (at least 1), for Retry-After;
 * `previous` and `current` are the counts held, which never include a refused request.
 */
export function secondsUntilAllowed(
  previous: number,
  current: number,
  limit: number,
  window: Window,
  now: Date,
): number {
  const nowSeconds = now.getTime() / 1000;
  const room = limit - 1;
  let wait: number;
  if (current > room) {
    // Once this window is the previous one, its weight must fall to room / current.
    wait = window.end - nowSeconds + window.seconds * Math.max(0, 1 - room / current);
  } else {
    const elapsedNeeded = previous > 0 ? 1 - (room - current) / previous : 0;
    wait = window.start + elapsedNeeded * window.seconds - nowSeconds;
  }
  return Math.max(1, Math.ceil(wait));
}

/** "3 分钟" or "40 秒", for a message read by people. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}

/** 429 with the error shape, Retry-After, and the wait in the message. */
export function rateLimitedError(code: ErrorCode, retryAfterSeconds: number): DomainError {
  const message =
    code === ErrorCode.CheckinRateLimited
      ? `错误的签到码太多，请 ${waitInWords(retryAfterSeconds)}后再试`
      : `操作太频繁，请 ${waitInWords(retryAfterSeconds)}后再试`;
  return new DomainError(code, { retryAfterSeconds }, message, { 'Retry-After': String(retryAfterSeconds) });
}

const subjectHash = (subject: string) => createHash('sha256').update(subject).digest('hex').slice(0, 32);

/**
 * Counters in the database (`rate_limit_hits`, one row per fixed window), so that processes sharing a
 * database share the count. A hit is one atomic upsert that returns the new count (`RETURNING` on SQLite;
 * on MySQL `LAST_INSERT_ID(hits + 1)`, which the statement's answer carries back), then a read of the
 * previous window, which no longer changes; the two give the sliding estimate.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly db: Db) {}

  /** Counts one request; throws the 429 when it is over the limit. */
  async hit(rule: RateRule, subject: string, now = new Date()): Promise<void> {
    const window = windowAt(now, rule.windowSeconds);
    const key = subjectHash(subject);
    const current = await this.increment(rule.bucket, key, window);
    const previous = await this.previousCount(rule.bucket, key, window);
    if (slidingEstimate(previous, current, window, now) > rule.limit) {
      // A refused request is not counted: someone who waits as told gets in then, however often they tried.
      await this.decrement(rule.bucket, key, window);
      throw this.refusal(rule, previous, current - 1, window, now);
    }
  }

  /** Throws the 429 when the limit is already reached, without counting (for limits on failures only). */
  async refuseWhenReached(rule: RateRule, subject: string, now = new Date()): Promise<void> {
    const window = windowAt(now, rule.windowSeconds);
    const key = subjectHash(subject);
    const rows: { window_start: number | string; hits: number | string }[] = await this.db.read((em) =>
      em.query(
        'SELECT window_start, hits FROM rate_limit_hits WHERE bucket = ? AND subject = ? AND window_start IN (?, ?)',
        [rule.bucket, key, window.start, window.start - window.seconds],
      ),
    );
    const count = (start: number) =>
      Number(rows.find((row) => Number(row.window_start) === start)?.hits ?? 0);
    const [previous, current] = [count(window.start - window.seconds), count(window.start)];
    if (slidingEstimate(previous, current, window, now) + 1 > rule.limit)
      throw this.refusal(rule, previous, current, window, now);
  }

  /** Counts one without refusing (the failure itself is answered by its own error). */
  async count(rule: RateRule, subject: string, now = new Date()): Promise<void> {
    await this.increment(rule.bucket, subjectHash(subject), windowAt(now, rule.windowSeconds));
  }

  /** Drops windows that have ended; run by the scheduler. */
  async purge(now = new Date()): Promise<void> {
    await this.db.transaction((em) =>
      em.query('DELETE FROM rate_limit_hits WHERE expires_at < ?', [Math.floor(now.getTime() / 1000)]),
    );
  }

  private refusal(rule: RateRule, previous: number, current: number, window: Window, now: Date) {
    const wait = secondsUntilAllowed(previous, current, rule.limit, window, now);
    return rateLimitedError(rule.code ?? ErrorCode.RateLimited, wait);
  }

  private async previousCount(bucket: string, subject: string, window: Window): Promise<number> {
    const rows: { hits: number | string }[] = await this.db.read((em) =>
      em.query('SELECT hits FROM rate_limit_hits WHERE bucket = ? AND subject = ? AND window_start = ?', [
        bucket,
        subject,
        window.start - window.seconds,
      ]),
    );
    return Number(rows[0]?.hits ?? 0);
  }

  private async decrement(bucket: string, subject: string, window: Window): Promise<void> {
    const sql =
      'UPDATE rate_limit_hits SET hits = hits - 1 WHERE bucket = ? AND subject = ? AND window_start = ? AND hits > 0';
    const values = [bucket, subject, window.start];
    if (this.db.isMysql) await this.db.dataSource.query(sql, values);
    else await this.db.transaction((em) => em.query(sql, values));
  }

  /** The row is needed until the next window ends (as that window's previous one). */
  private async increment(bucket: string, subject: string, window: Window): Promise<number> {
    const values = [bucket, subject, window.start, window.end + window.seconds];
    if (this.db.isMysql) {
      const result: { affectedRows: number; insertId: number } = await this.db.dataSource.query(
        'INSERT INTO rate_limit_hits (bucket, subject, window_start, hits, expires_at) VALUES (?, ?, ?, 1, ?) ' +
          'ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)',
        values,
      );
      // 1 row affected: inserted (the first hit); 2: updated, and insertId is the new count.
      return result.affectedRows === 1 ? 1 : Number(result.insertId);
    }
    const rows: { hits: number }[] = await this.db.transaction((em) =>
      em.query(
        'INSERT INTO rate_limit_hits (bucket, subject, window_start, hits, expires_at) VALUES (?, ?, ?, 1, ?) ' +
          'ON CONFLICT (bucket, subject, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits',
        values,
      ),
    );
    return Number(rows[0].hits);
  }
}
