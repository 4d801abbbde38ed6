/** A unique key refused the row: another transaction got there first (MySQL errno 1062, SQLite's constraint error). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string; message?: string }; message?: string };
  return (
    e.driverError?.errno === 1062 ||
    /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(e.driverError?.message ?? e.message ?? '')
  );
}
