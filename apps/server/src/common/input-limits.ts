import { ErrorCode } from '@redvest/contract';
import type { FastifyInstance } from 'fastify';
import { DomainError } from './domain-error';

/** Bodies are JSON of at most this size; more is 413 before anything reads them. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * No request of ours nests deeper than a few levels (a visit's demands' photo ids: 4). Deeper input is
 * refused before the validation pipe and the guards, whose recursive walks it would otherwise overflow.
 */
export const MAX_NESTING_DEPTH = 32;

/** True when `value` nests arrays and objects deeper than `limit` (walked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length) {
    const { value: next, depth } = pending.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(next)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** Refuses too deeply nested bodies and queries with 400, right after Fastify parsed them. */
export function refuseDeepInput(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    if (nestsDeeperThan(request.body, MAX_NESTING_DEPTH) || nestsDeeperThan(request.query, MAX_NESTING_DEPTH))
      throw new DomainError(ErrorCode.NestingTooDeep, { maxDepth: MAX_NESTING_DEPTH });
  });
}
