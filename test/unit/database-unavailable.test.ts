import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/db/unavailable';

/** Which failures mean the database is not there (503, retry), as opposed to the API's own (500). */
const pgError = (code: string) => Object.assign(new Error('…'), { code, severity: 'FATAL' });
const queryFailed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

it.each(['08006', '08001', '57P01', '57P02', '57P03', '53300'])(
  'SQLSTATE %s, raw or wrapped by TypeORM, is the database unavailable',
  (code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(true);
    expect(isDatabaseUnavailable(queryFailed(pgError(code)))).toBe(true);
  },
);

it('a refused, reset or unresolved connection, one that ended, and a pool that found none in time are the database unavailable', () => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND']) {
    expect(isDatabaseUnavailable(Object.assign(new Error(`connect ${code}`), { code }))).toBe(true);
  }
  expect(isDatabaseUnavailable(queryFailed(new Error('Connection terminated unexpectedly')))).toBe(true);
  expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  const both = Object.assign(new AggregateError([Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })]), { code: undefined });
  expect(isDatabaseUnavailable(both)).toBe(true);
});

it('a statement the database refused, a timeout or a bug is not', () => {
  for (const code of ['23505', '23514', '57014', '55P03', '42P01', '40P01'])
    expect(isDatabaseUnavailable(queryFailed(pgError(code)))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
});
