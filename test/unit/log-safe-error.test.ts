import { QueryFailedError } from 'typeorm';
import { describeError, safeError } from '../../src/common/log-safe-error';
import { createLogger } from '../../src/common/logger';

/** What the log may say of an error: a database error's names, never its values; any other error's message. */
const FIRST_NAME = 'Zebedee-Recognisable';
const DATE_OF_BIRTH = '2019-07-32';
const VALUES = [FIRST_NAME, DATE_OF_BIRTH, 'KENT'];

/** pg's DatabaseError, as the driver raises it, with every field that may quote a value. */
function driverError(): Error {
  return Object.assign(new Error(`invalid input syntax for type date: "${DATE_OF_BIRTH}"`), {
    name: 'error',
    severity: 'ERROR',
    code: '22007',
    detail: `Failing row contains (${FIRST_NAME}, ${DATE_OF_BIRTH}).`,
    hint: `Perhaps you meant ${FIRST_NAME}`,
    where: `unnamed portal parameter $2 = '${DATE_OF_BIRTH}'`,
    internalQuery: `SELECT '${FIRST_NAME}'`,
    schema: 'public',
    table: 'children',
    column: 'date_of_birth',
    constraint: 'children_date_of_birth_check',
  });
}

const queryFailed = () =>
  new QueryFailedError(
    `INSERT INTO "children"("authority", "first_name", "date_of_birth") VALUES ($1, $2, $3) RETURNING "id"`,
    ['KENT', FIRST_NAME, DATE_OF_BIRTH],
    driverError(),
  );

const carriesNoValue = (logged: unknown) => {
  const text = JSON.stringify(logged);
  for (const value of VALUES) expect(text).not.toContain(value);
};

it('a failed statement is logged by its type, SQLSTATE, names and statement name, with none of its values', () => {
  const logged = safeError(queryFailed());
  expect(logged).toEqual({
    type: 'QueryFailedError',
    code: '22007',
    constraint: 'children_date_of_birth_check',
    table: 'children',
    column: 'date_of_birth',
    statement: 'INSERT children',
  });
  carriesNoValue(logged);
});

it('the driver’s own error is logged the same way', () => {
  const logged = safeError(driverError());
  expect(logged).toMatchObject({ type: 'Error', code: '22007', table: 'children' });
  carriesNoValue(logged);
});

it('any other error keeps its type, message and stack, and no other property', () => {
  const error = Object.assign(new TypeError('cannot read the stage'), { record: { firstName: FIRST_NAME } });
  expect(safeError(error)).toEqual({ type: 'TypeError', message: 'cannot read the stage', stack: error.stack });
});

it('an error’s cause is logged the same way', () => {
  const logged = safeError(new Error('the placement was not recorded', { cause: queryFailed() }));
  expect(logged).toMatchObject({ message: 'the placement was not recorded', cause: { type: 'QueryFailedError', code: '22007' } });
  carriesNoValue(logged);
});

it('what is thrown that is not an error is logged by its type only', () => {
  expect(safeError(FIRST_NAME)).toEqual({ type: 'string' });
  expect(safeError({ firstName: FIRST_NAME })).toEqual({ type: 'Object' });
});

it('a command’s failure line names a database error’s SQLSTATE and names, and keeps any other error’s message', () => {
  expect(describeError(queryFailed())).toBe(
    'QueryFailedError 22007 (constraint children_date_of_birth_check, table children, column date_of_birth, statement INSERT children)',
  );
  expect(describeError(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe('connect ECONNREFUSED 127.0.0.1:1');
  expect(describeError(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toBe('AggregateError ECONNREFUSED');
});

describe('every logger', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, log: createLogger('trace', { write: (line: string) => lines.push(line) }) };
  };

  it('logs an error under any level through the safe serializer', () => {
    const { lines, log } = capture();
    log.debug({ err: queryFailed() }, 'query failed');
    log.error({ err: queryFailed() }, 'unexpected error');
    expect(lines.map((line) => JSON.parse(line).err.code)).toEqual(['22007', '22007']);
    carriesNoValue(lines);
  });

  it('never takes a database error’s message for the line’s', () => {
    const { lines, log } = capture();
    log.error(queryFailed());
    log.error({ err: queryFailed() });
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['QueryFailedError', 'QueryFailedError']);
    carriesNoValue(lines);
  });

  it('still redacts the authorization header', () => {
    const { lines, log } = capture();
    log.info({ req: { headers: { authorization: 'Bearer secret-token' } } }, 'request');
    expect(lines[0]).not.toContain('secret-token');
  });
});
