import { DATABASE_BUSY_RETRY_AFTER_SECONDS, ERROR_CATALOG, ErrorBody, ErrorCode } from '@redvest/contract';
import { HttpException } from '@nestjs/common';
import { EntityNotFoundError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS } from '../database/database-outage';
import { isDatabaseUnavailable, isRetryable } from '../database/db-errors';
import { DomainError } from './domain-error';

export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  /** Unexpected: to be logged with its stack. */
  unexpected: boolean;
  /** The database is down: the outage is logged once, not with each answer. */
  databaseDown?: boolean;
  /** A unit of work lost every attempt to deadlocks or conflicts: logged as a warning, without a stack. */
  databaseBusy?: boolean;
  headers?: Record<string, string>;
}

const BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

function answer(code: ErrorCode, details?: unknown, message?: string, status?: number): ErrorAnswer {
  const spec = ERROR_CATALOG[code];
  const body: ErrorBody = { error: { code, message: message ?? spec.message } };
  if (details !== undefined) body.error.details = details;
  return { status: status ?? spec.status, body, unexpected: false };
}

/** 503 DATABASE_UNAVAILABLE with Retry-After: the database is down, the client should try again soon. */
export function databaseDownAnswer(): ErrorAnswer {
  return {
    ...answer(ErrorCode.DatabaseUnavailable),
    databaseDown: true,
    headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  };
}

/**
 * 503 DATABASE_BUSY with Retry-After: a deadlock, a lock wait timeout or (on Galera) a conflicting commit on
 * another node still stood after Db.transaction's last attempt. Nothing was written; the same request may
 * simply be sent again.
 */
export function databaseBusyAnswer(): ErrorAnswer {
  return {
    ...answer(ErrorCode.DatabaseBusy),
    databaseBusy: true,
    headers: { 'retry-after': String(DATABASE_BUSY_RETRY_AFTER_SECONDS) },
  };
}

/** Turns anything thrown while answering a request into the contract's error shape (DESIGN §7). */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof DomainError)
    return { ...answer(error.code, error.details, error.message), headers: error.headers };
  if (isDatabaseUnavailable(error)) return databaseDownAnswer();
  if (isRetryable(error)) return databaseBusyAnswer();
  // findOneOrFail on an id that names nothing (or no longer does): the record is not there, as for any other 404.
  if (error instanceof EntityNotFoundError) return answer(ErrorCode.NotFound);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Fastify's body parser errors reach here wrapped by Nest, with their message.
    if (status === 400 && /JSON/i.test(error.message)) return answer(ErrorCode.InvalidJson);
    const code = BY_STATUS[status];
    if (code) return answer(code, undefined, undefined, status);
    return { ...answer(ErrorCode.Internal, undefined, undefined, status), unexpected: status >= 500 };
  }
  const fastify = error as { statusCode?: number; code?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode < 500) {
    if (fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastify.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return answer(ErrorCode.InvalidJson);
    }
    if (error instanceof SyntaxError) return answer(ErrorCode.InvalidJson);
    const code = BY_STATUS[fastify.statusCode] ?? ErrorCode.ValidationFailed;
    return answer(code, undefined, undefined, fastify.statusCode);
  }
  return { ...answer(ErrorCode.Internal), unexpected: true };
}
