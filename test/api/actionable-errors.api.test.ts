import { HouseholdRecord } from '../../src/households/household.entity';
import { ChildRecord } from '../../src/journey/child.entity';
import { QUERY_LIMITS } from '../../src/graphql/query-limits';
import { insertChild } from '../helpers/factories';
import { insertChildAt } from '../helpers/journey-factories';
import { CREATE_CHILD } from '../helpers/operations';
import { useTestApi } from '../helpers/test-api';
import { M } from '../journey/journey-api';

/**
 * Errors a client can act on: a form hears of every faulty field at once (one BAD_USER_INPUT whose `fields` lists
 * them, `field` the first); every CONFLICT says why (`reason`); a limit is refused with its own code, never as bad
 * input. Today is 20 November 2026 (UK).
 */
const TODAY = '2026-11-20';
const api = useTestApi(async ({ dataSource }) => {
  await insertChild(dataSource, 'KENT');
}, `${TODAY}T12:00:00Z`);

const child = (overrides: Record<string, unknown>) => ({
  input: { authority: 'KENT', firstName: 'Ada', lastName: 'Smith', dateOfBirth: '2023-05-01', enteredCareOn: '2024-02-12', ...overrides },
});
const count = (entity: typeof ChildRecord | typeof HouseholdRecord) => api().dataSource.getRepository(entity).count();
const fieldsOf = (errors: { extensions: Record<string, unknown> }[] | undefined) =>
  (errors?.[0]?.extensions.fields as { field: string }[]).map((f) => f.field);

describe('a form with several faulty fields is told of every one in one error', () => {
  it('createChild with a blank first name, an over-long last name and an over-long NHS number: the three fields, nothing written', async () => {
    const before = await count(ChildRecord);
    const { errors } = await api().as('ppm.kent')(
      CREATE_CHILD,
      child({ firstName: '\u200B', lastName: 'x'.repeat(101), nhsNumber: '1'.repeat(13) }),
    );
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
    expect(fieldsOf(errors)).toEqual(
      ['nhsNumber', 'firstName', 'lastName'].sort((a, b) => fieldsOf(errors).indexOf(a) - fieldsOf(errors).indexOf(b)),
    );
    expect(new Set(fieldsOf(errors))).toEqual(new Set(['firstName', 'lastName', 'nhsNumber']));
    expect(await count(ChildRecord)).toBe(before);
  });

  it('createChild with a birth and an entry into care tomorrow and an NHS number failing its check digit: the three fields and their rules', async () => {
    const before = await count(ChildRecord);
    const { errors } = await api().as('ppm.kent')(
      CREATE_CHILD,
      child({ dateOfBirth: '2026-11-21', enteredCareOn: '2026-11-21', nhsNumber: '943 476 5910' }),
    );
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'nhsNumber',
      fields: [
        { field: 'nhsNumber', message: 'is not a valid NHS number' },
        { field: 'dateOfBirth', message: `must not be in the future (today is ${TODAY})` },
        { field: 'enteredCareOn', message: `must not be in the future (today is ${TODAY})` },
      ],
    });
    expect(await count(ChildRecord)).toBe(before);
  });

  it('createHousehold with an applicant born tomorrow, another too young, and an enquiry tomorrow: every field, by its path', async () => {
    const before = await count(HouseholdRecord);
    const applicants = [
      { firstName: 'Ola', lastName: 'Adeyemi', dateOfBirth: '2026-11-21' },
      { firstName: 'Sam', lastName: 'Adeyemi', dateOfBirth: '2010-01-01' },
    ];
    const { errors } = await api().as('finder.1')(M.createHousehold, { input: { applicants, enquiryOn: '2026-11-21' } });
    expect(errors).toHaveLength(1);
    expect(fieldsOf(errors)).toEqual(['applicants.0.dateOfBirth', 'applicants.1.dateOfBirth', 'enquiryOn']);
    expect(await count(HouseholdRecord)).toBe(before);
  });

  it('the input class and the step’s own rules are checked together: a blank name and a birth tomorrow are told in one error', async () => {
    const { errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ firstName: ' ', lastName: '\u200B', dateOfBirth: '2026-11-21' }));
    expect(errors).toHaveLength(1);
    expect(fieldsOf(errors)).toEqual(['firstName', 'lastName', 'dateOfBirth', 'enteredCareOn']);
  });

  it('the policy comes first: a role that may not create a child is FORBIDDEN, whatever is wrong with the input', async () => {
    const { errors } = await api().as('board.kent')(CREATE_CHILD, child({ firstName: ' ', dateOfBirth: '2026-11-21' }));
    expect(errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_CREATE' });
  });

  it('two variables that are no dates: one error naming both, by their paths from the variable (400, nothing ran)', async () => {
    const { status, errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ dateOfBirth: '2023-02-30', enteredCareOn: 'soon' }));
    expect(status).toBe(400);
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dateOfBirth' });
    expect(fieldsOf(errors)).toEqual(['input.dateOfBirth', 'input.enteredCareOn']);
  });

  it('a single faulty field is listed alone in `fields`, as `field`, with the first rule it breaks', async () => {
    const { errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ enteredCareOn: '2026-11-21' }));
    expect(errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'enteredCareOn',
      fields: [{ field: 'enteredCareOn', message: `must not be in the future (today is ${TODAY})` }],
    });
  });
});

describe('a limit is told apart from bad input', () => {
  const pages = (first: number | string) =>
    Array.from({ length: 15 }, (_, i) => `p${i}: children(first: ${first}) { edges { node { id matches { id household { id } } } } }`).join(
      ' ',
    );

  it('an operation over the cost limit is COST_LIMIT_EXCEEDED (400), a bad date in the same shape of request BAD_USER_INPUT', async () => {
    const costly = await api().as('adm.kent')(`query ($first: Int) { ${pages('$first')} }`, { first: 100 });
    const badDate = await api().as('adviser.1')('query ($from: Date) { panels { meetings(from: $from) { id } } }', { from: '2026-13-01' });
    expect(costly.status).toBe(400);
    expect(costly.errors![0]!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 'cost', max: QUERY_LIMITS.cost });
    expect(costly.errors![0]!.message).not.toMatch(/Syntax Error/);
    expect(badDate.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});

describe('every CONFLICT names its reason', () => {
  const createStaff = (username: string, email: string) =>
    api().as('access.admin')(`mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`, {
      input: { username, displayName: 'New Colleague', email },
    });

  it('ALREADY_TAKEN: a username, or an email, that another member of staff has', async () => {
    expect((await createStaff('first.newcomer', 'newcomer@apse.example')).errors).toBeUndefined();
    const sameUsername = await createStaff('first.newcomer', 'other@apse.example');
    expect(sameUsername.errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_TAKEN' });
    const sameEmail = await createStaff('second.newcomer', 'Newcomer@apse.example');
    expect(sameEmail.errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_TAKEN' });
  });

  it('ALREADY_IN_PROGRESS: a match proposed for a child who has an open match', async () => {
    const { child: linked, household } = await insertChildAt(api().dataSource, 'KENT', 'LINKED');
    const { errors } = await api().as('finder.1')(M.proposeMatch, {
      input: { childId: linked.id, householdId: household!.id, proposedOn: TODAY },
    });
    expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_IN_PROGRESS' });
  });

  it('STALE_VERSION: a change sent with a version someone else moved on', async () => {
    const { child: ready } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED');
    const first = await api().as('ppm.kent')(M.updateChild, { input: { childId: ready.id, version: ready.version, religion: 'none' } });
    expect(first.errors).toBeUndefined();
    const { errors } = await api().as('ppm.kent')(M.updateChild, {
      input: { childId: ready.id, version: ready.version, religion: 'Quaker' },
    });
    expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  describe('CONCURRENT_CHANGE: a change that fails to serialize twice', () => {
    beforeAll(async () => {
      await api().dataSource.query(`CREATE FUNCTION test_never_serializes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = 'serialization_failure'; END $$`);
      await api().dataSource.query(`CREATE TRIGGER test_never_serializes BEFORE INSERT ON children
        FOR EACH ROW EXECUTE FUNCTION test_never_serializes()`);
    });
    afterAll(async () => {
      await api().dataSource.query(`DROP TRIGGER test_never_serializes ON children`);
      await api().dataSource.query(`DROP FUNCTION test_never_serializes()`);
    });

    it('is CONFLICT with the reason CONCURRENT_CHANGE, to retry', async () => {
      const { errors } = await api().as('ppm.kent')(CREATE_CHILD, child({}));
      expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'CONCURRENT_CHANGE' });
    });
  });
});
