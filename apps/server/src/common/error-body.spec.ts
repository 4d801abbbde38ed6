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
});
