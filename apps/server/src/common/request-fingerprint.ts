import { createHash } from 'node:crypto';

/** The same value with every object's keys in order, so that equal requests print equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}

/**
 * A stable fingerprint of what a request asked for, nested values included, to tell a retry from a
 * reused key. For flat objects it is the same hash as the ledger has always stored.
 */
export function requestFingerprint(content: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(content)))
    .digest('hex');
}
