import { isDatabaseUnavailable } from './db-errors';

describe('isDatabaseUnavailable', () => {
  it('knows a database that is down or unreachable, raw from the pool or wrapped by TypeORM', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
      fatal: true,
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: 'PROTOCOL_CONNECTION_LOST' } })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: 'SQLITE_IOERR_WRITE' } })).toBe(true);
    expect(isDatabaseUnavailable({ code: 'SQLITE_BUSY' })).toBe(true);
  });

  it('does not take a wrong query, a conflict or anything else for an outage', () => {
    expect(isDatabaseUnavailable({ driverError: { code: 'ER_DUP_ENTRY', errno: 1062 } })).toBe(false);
    expect(isDatabaseUnavailable({ driverError: { code: 'ER_PARSE_ERROR' } })).toBe(false);
    expect(isDatabaseUnavailable({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('text')).toBe(false);
  });
});
