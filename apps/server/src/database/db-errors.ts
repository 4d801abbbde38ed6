/** ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT: the transaction was rolled back and may simply be run again. */
const RETRYABLE_ERRNOS = new Set([1213, 1205]);

export function isRetryable(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } }).driverError;
  return RETRYABLE_ERRNOS.has(driverError?.errno ?? (error as { errno?: number }).errno ?? 0);
}

/** A unique key refused the row: another transaction got there first (MySQL errno 1062, SQLite's constraint error). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string; message?: string }; message?: string };
  return (
    e.driverError?.errno === 1062 ||
    /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(e.driverError?.message ?? e.message ?? '')
  );
}

/** Codes of a database that cannot be reached or is going away, as mysql2 and SQLite report them. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'SQLITE_BUSY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);

/** SQLite's extended codes (`SQLITE_IOERR_WRITE`) belong to their primary code. */
function primaryCode(code: string): string {
  return code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
}

/**
 * The database is down or unreachable (not: a query was wrong). Connection errors come raw from the pool
 * (mysql2 marks them `fatal`), errors of a query that lost its connection come wrapped by TypeORM with the
 * driver's error inside.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return [error, (error as { driverError?: unknown } | null)?.driverError].some((one) => {
    const e = one as { code?: unknown; fatal?: unknown } | null | undefined;
    if (!e || typeof e !== 'object') return false;
    return e.fatal === true || (typeof e.code === 'string' && UNAVAILABLE_CODES.has(primaryCode(e.code)));
  });
}
