import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';
import { EntityNotFoundError } from 'typeorm';
import { toErrorAnswer } from './error-body';

class Wish {}

describe('toErrorAnswer', () => {
  it('answers a record that findOneOrFail did not find with 404 NOT_FOUND, not as an unexpected error', () => {
    const answer = toErrorAnswer(new EntityNotFoundError(Wish, { where: { id: 'x' } }));
    expect(answer).toEqual({
      status: 404,
      body: { error: { code: ErrorCode.NotFound, message: ERROR_CATALOG[ErrorCode.NotFound].message } },
      unexpected: false,
    });
  });

  it('answers a deadlock or lock wait timeout that outlived the retries with 503 DATABASE_BUSY and Retry-After', () => {
    for (const errno of [1213, 1205]) {
      const answer = toErrorAnswer(
        Object.assign(new Error('WSREP detected deadlock/conflict'), { driverError: { errno } }),
      );
      expect(answer).toMatchObject({
        status: 503,
        body: {
          error: { code: ErrorCode.DatabaseBusy, message: ERROR_CATALOG[ErrorCode.DatabaseBusy].message },
        },
        unexpected: false,
        databaseBusy: true,
        headers: { 'retry-after': '1' },
      });
    }
  });
});
