import { HouseholdRecord, type ApplicantRecord } from '../../src/households/household.entity';
import { insertAgendaItem, insertHousehold, insertPanelMeeting } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * Finding households as screens do: `filter: { search }` by the reference or the applicants' names, each only where the
 * caller may read it on the household. A name hidden from the caller never finds a household, and tells nothing.
 */
const SEARCH = `query ($search: String) {
  households(first: 100, filter: { search: $search }) { totalCount edges { node { id reference applicantFirstNames } } }
}`;

const applicant = (firstName: string, lastName: string): ApplicantRecord => ({ firstName, lastName, dateOfBirth: '1984-03-02' });
const households: Record<'okafors' | 'onAgenda' | 'carers', HouseholdRecord> = {} as never;

const api = useTestApi(async ({ dataSource: db }) => {
  const make = async (reference: string, applicants: ApplicantRecord[], options: Parameters<typeof insertHousehold>[1]) => {
    const household = await insertHousehold(db, options);
    await db.getRepository(HouseholdRecord).update(household.id, { reference, applicants });
    return { ...household, reference, applicants };
  };
  households.okafors = await make('H-ROWAN-7', [applicant('Ayo', 'Okafor'), applicant('Jo', 'Okafor-Lee')], {});
  households.onAgenda = await make('H-ASH-2', [applicant('Fay', 'Quint')], { stage: 'PANEL' });
  // Dually approved carers, proposed for no child: a PPM lead reads their case fields only.
  households.carers = await make('H-ELM-5', [applicant('Gus', 'Hale')], { earlyPermanence: true });
  const meeting = await insertPanelMeeting(db, { panel: 1, meetingOn: '2026-11-24' });
  await insertAgendaItem(db, { meeting, household: households.onAgenda });
});

async function found(username: string, search: string): Promise<string[]> {
  const { data, errors } = await api().as(username)(SEARCH, { search });
  expect(errors).toBeUndefined();
  expect(data!.households.totalCount).toBe(data!.households.edges.length);
  return data!.households.edges.map((e: { node: { id: string } }) => e.node.id);
}

it.each([
  ['a surname', 'okafor'],
  ['a first name', 'AYO'],
  ['a word of the reference', 'rowan'],
  ['a first name and a surname together', 'jo okafor-lee'],
  ['a part of a name', 'afo'],
])('a family finder finds a household by %s, case aside', async (_what, search) => {
  expect(await found('finder.1', search)).toEqual([households.okafors.id]);
});

it('every word must be found: a first name of one household and a surname of another find nothing', async () => {
  expect(await found('finder.1', 'fay okafor')).toEqual([]);
});

it('a panel chair finds the household on their agenda by a first name they read, and by nothing else out of their reach', async () => {
  expect(await found('panel.1', 'fay')).toEqual([households.onAgenda.id]);
  expect(await found('panel.1', 'ayo')).toEqual([]);
});

it('a panel chair searching the surname of a household on their agenda, which they may not read, finds nothing: no error, no count', async () => {
  expect(await found('panel.1', 'quint')).toEqual([]);
  expect(await found('finder.1', 'quint')).toEqual([households.onAgenda.id]);
});

it('a PPM lead finds dually approved carers by their reference, never by the names hidden from them', async () => {
  expect(await found('ppm.kent', 'elm')).toEqual([households.carers.id]);
  expect(await found('ppm.kent', 'gus')).toEqual([]);
  expect(await found('ppm.kent', 'hale')).toEqual([]);
});

it('a pattern character is a character, not a wildcard; a blank search finds everything in reach', async () => {
  expect(await found('finder.1', '%')).toEqual([]);
  expect(await found('finder.1', '_')).toEqual([]);
  expect((await found('finder.1', '   ')).sort()).toEqual(
    Object.values(households)
      .map((h) => h.id)
      .sort(),
  );
});

it('refuses more than five words: BAD_USER_INPUT', async () => {
  const { errors } = await api().as('finder.1')(SEARCH, { search: 'a b c d e f' });
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
});
