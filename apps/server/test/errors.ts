import { ApiError } from '@redvest/api-client';

/** Each settled call as `ok` or the error code it failed with: what a race test counts. */
export const outcome = (results: PromiseSettledResult<unknown>[]): string[] =>
  results.map((r) =>
    r.status === 'fulfilled' ? 'ok' : r.reason instanceof ApiError ? r.reason.code : String(r.reason),
  );

/** The ApiError a call fails with; fails the test if the call succeeds. */
export async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
