import { ApiError } from '@redvest/api-client';

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
