import { ErrorCode } from '@redvest/contract';

/** A test for the error codes a group of decisions refuses with, so a caller tells a refusal from a result. */
export function refusalTest<C extends ErrorCode>(codes: readonly C[]): (value: unknown) => value is C {
  const known = new Set<unknown>(codes);
  return (value: unknown): value is C => known.has(value);
}
