import { createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, insertSupportRequest } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * A front end that unpacks `myAccessRules` agrees with the server about every record the server returned: each
 * passes `can('read', subject(Type, record))` on the fields the API returns, so no control is hidden for a record on
 * screen. Fixtures like the demo data: children of two authorities along the journey, households, a panel sitting.
 */
const api = useTestApi(async ({ dataSource: db }) => {
  for (const authority of ['KENT', 'MEDWAY'] as const) {
    await insertChildAt(db, authority, 'SHOULD_BE_PLACED');
    await insertChildAt(db, authority, 'MATCHED', { finder: 'finder.2' });
    const { match } = await insertChildAt(db, authority, 'LINKED');
    const meeting = await insertPanelMeeting(db, { panel: 1, meetingOn: '2026-11-18' });
    await insertAgendaItem(db, { meeting, match });
    await insertChildAt(db, authority, 'PLACED');
    await insertSupportRequest(db, authority);
  }
  await insertHousehold(db, { stage: 'PANEL' });
  await insertHousehold(db, { stage: 'APPROVED', earlyPermanence: true });
});

const LISTS = `{
  myAccessRules { rules version expiresAt }
  children(first: 100) { edges { node { id authority
    decisions { id authority childId } placements { id authority childId } disruptions { id authority childId }
    placementOrder { id authority childId } matches { id authority childId status } } } }
  matches(first: 100) { edges { node { id authority childId status } } }
  households(first: 100) { edges { node { id stage earlyPermanence proposedFor decisions { id householdId } } } }
  supportRequests(first: 100) { edges { node { id authority } } }
}`;

type Row = Record<string, unknown> & { id: string };
const nodes = (connection: { edges: { node: Row }[] } | undefined) => connection?.edges.map((e) => e.node) ?? [];

/** Every record the lists returned, as [subject type, the fields the API gave]. */
function recordsOf(data: Record<string, any>): [string, Row][] {
  const children = nodes(data.children);
  const households = nodes(data.households);
  const records: [string, Row][] = children.map((c) => ['Child', c]);
  for (const child of children) {
    for (const [type, field] of [
      ['ChildDecision', 'decisions'],
      ['Placement', 'placements'],
      ['Disruption', 'disruptions'],
      ['Match', 'matches'],
    ] as const) {
      for (const record of (child[field] as Row[] | null) ?? []) records.push([type, record]);
    }
    if (child.placementOrder) records.push(['PlacementOrder', child.placementOrder as Row]);
  }
  records.push(...nodes(data.matches).map((m): [string, Row] => ['Match', m]));
  for (const household of households) {
    records.push(['Household', household]);
    // A household's decision is read through its household: the rule tests the household's `proposedFor`.
    for (const d of (household.decisions as Row[] | null) ?? []) records.push(['HouseholdDecision', { ...d, household }]);
  }
  records.push(...nodes(data.supportRequests).map((s): [string, Row] => ['SupportRequest', s]));
  return records;
}

it.each(['adm.kent', 'adm.medway', 'adm.raa', 'ppm.kent', 'finder.1', 'finder.2', 'panel.1', 'adviser.1', 'support.1'])(
  'for %s, every record the lists return passes the browser’s read check',
  async (username) => {
    // Lists the role may never read are refused whole; ask each alone then.
    const { data } = await api().as(username)(LISTS);
    const answered = data ?? {};
    const rules = data ? data.myAccessRules : (await api().as(username)('{ myAccessRules { rules } }')).data!.myAccessRules;
    const ability = createMongoAbility(unpackRules(rules.rules) as RawRuleOf<MongoAbility>[]);
    const lists = data ? answered : await eachListAlone(username);
    const records = recordsOf(lists);
    expect(records.length).toBeGreaterThan(0);
    const refused = records.filter(([type, record]) => !ability.can('read', subject(type, { ...record })));
    expect(refused).toEqual([]);
  },
);

async function eachListAlone(username: string): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const list of ['children', 'matches', 'households', 'supportRequests']) {
    const selection = LISTS.slice(LISTS.indexOf(`${list}(first`)).split('\n')[0];
    const body = list === 'children' ? LISTS.slice(LISTS.indexOf('children('), LISTS.indexOf('  matches(')) : selection;
    const answer = await api().as(username)(`{ ${body} }`);
    if (answer.data) Object.assign(data, answer.data);
  }
  return data;
}

it('the rules carry a version that changes with them, and expire at the end of the UK day', async () => {
  const ask = async (username: string) => (await api().as(username)('{ myAccessRules { version expiresAt rules } }')).data!.myAccessRules;
  const [finder, again, other] = [await ask('finder.1'), await ask('finder.1'), await ask('finder.2')];
  expect(again.version).toBe(finder.version);
  expect(other.version).not.toBe(finder.version);
  // The tests' clock is 20 November 2026 (GMT): the rules hold until midnight in London.
  expect(finder.expiresAt).toBe('2026-11-21T00:00:00.000Z');
});
