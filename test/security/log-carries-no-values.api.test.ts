import { createLogger } from '../../src/common/logger';
import { CREATE_CHILD } from '../helpers/operations';
import { DEFAULT_NOW, resetDatabase, startTestApi, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * The application's own log never carries a record's values, a statement's parameters or a GraphQL
 * variable's value: a failure is logged by its type, SQLSTATE, constraint, table and statement name.
 */
const FIRST_NAME = 'Zebedee-Recognisable';
const LAST_NAME = 'Quillfeather-Traceable';
const DATE_OF_BIRTH = '2019-07-23';

const lines: string[] = [];
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(DEFAULT_NOW, undefined, testDatabaseUrl(), createLogger('trace', { write: (line: string) => lines.push(line) }));
  await resetDatabase(api.dataSource);
  await api.dataSource.query(`ALTER TABLE children ADD CONSTRAINT log_probe CHECK (first_name <> '${FIRST_NAME}')`);
});

afterAll(async () => {
  await api?.dataSource.query('ALTER TABLE children DROP CONSTRAINT IF EXISTS log_probe');
  await api?.close();
});

it('a database error on a write logs no value of the record', async () => {
  const { requestId, errors } = await api.as('ppm.kent')(CREATE_CHILD, {
    input: { authority: 'KENT', firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: DATE_OF_BIRTH, enteredCareOn: '2020-01-15' },
  });
  expect(errors![0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');

  const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected error');
  expect(failure).toMatchObject({ requestId, err: { code: '23514' } });
  for (const value of [FIRST_NAME, LAST_NAME, DATE_OF_BIRTH]) {
    expect(lines.filter((line) => line.includes(value))).toEqual([]);
  }
  expect(failure.err).toMatchObject({ constraint: 'log_probe', table: 'children', statement: 'INSERT children' });
});
