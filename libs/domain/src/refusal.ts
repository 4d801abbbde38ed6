import { ErrorCode } from '@redvest/contract';

/**
 * What a decide… function returns instead of a decision: the error code the caller is told, its details,
 * and, where the catalogue's would not say enough, a message of its own.
 */
export interface Refusal {
  error: ErrorCode;
  details?: unknown;
  message?: string;
}

export function isRefusal<T>(result: T | Refusal): result is Refusal {
  return typeof result === 'object' && result !== null && 'error' in result;
}

export function refuse(error: ErrorCode, details?: unknown): Refusal {
  return details === undefined ? { error } : { error, details };
}

/** A refusal for one field of the request, as the validation pipe words its own. */
export function invalidField(field: string, message: string): Refusal {
  return refuse(ErrorCode.ValidationFailed, [{ field, message }]);
}
