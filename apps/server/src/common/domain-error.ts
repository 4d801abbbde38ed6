import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';

/** An answer the client can act on: a contract error code, its status and message, optional details. */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
    /** Headers the answer carries (Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? ERROR_CATALOG[code].message);
    this.status = ERROR_CATALOG[code].status;
  }
}

/** The error for a refusal a decide… function of libs/domain returned, with its own message if it has one. */
export function refusedWith(refusal: { error: ErrorCode; details?: unknown; message?: string }): DomainError {
  return new DomainError(refusal.error, refusal.details, refusal.message);
}
