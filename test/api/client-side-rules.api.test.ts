import { createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import { reloadAssignmentsAndFacts } from '../../src/access/actor-loader';
import type { AppAbility } from '../../src/authz/ability';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { allFieldsOf } from '../../src/authz/field-classes';
import { ACTIONS, type Action } from '../../src/authz/vocabulary';
import { HouseholdRecord } from '../../src/households/household.entity';
import { ChildRecord } from '../../src/journey/child.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import { actorOf } from '../helpers/actors';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, insertSupportRequest } from '../helpers/journey-factories';
import { DEFAULT_NOW, useTestApi } from '../helpers/test-api';

const TODAY = DEFAULT_NOW.slice(0, 10);

/**
 * A front end that unpacks `myAccessRules` agrees with the server about every record the server returned: each
 * passes `can('read', subject(Type, record))` on the fields the API returns, so no control is hidden for a record on
 * screen. Fixtures like the demo data: children of two authorities along the journey, households, a panel sitting.
 */
const CASELOAD = 30;

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
  // A family finder's caseload: the rules a client receives do not grow with it.
  for (let i = 0; i < CASELOAD; i += 1) await insertChildAt(db, 'BEXLEY', 'SHOULD_BE_PLACED', { finder: 'finder.1' });
});

const LISTS = `{
  myAccessRules { rules version expiresAt }
  children(first: 100) { edges { node { id authority viewerFacts
    decisions { id authority childId viewerFacts } placements { id authority childId viewerFacts }
    disruptions { id authority childId viewerFacts } placementOrder { id authority childId viewerFacts }
    matches { id authority childId status viewerFacts } } } }
  matches(first: 100) { edges { node { id authority childId status viewerFacts } } }
  households(first: 100) { edges { node { id stage earlyPermanence proposedFor viewerFacts decisions { id householdId viewerFacts } } } }
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

const rulesOf = async (username: string) => (await api().as(username)('{ myAccessRules { rules } }')).data!.myAccessRules.rules;

it(`the rules do not grow with the caseload: a family finder with ${CASELOAD} more children has rules of the same size, under 2 kB`, async () => {
  const [many, few] = [JSON.stringify(await rulesOf('finder.1')), JSON.stringify(await rulesOf('finder.2'))];
  expect(many.length).toBe(few.length);
  expect(many.length).toBeLessThan(2048);
});

/** The server's own ability for a demo member of staff, on their assignments and facts as a request loads them. */
async function serverAbilityOf(username: string): Promise<AppAbility> {
  return api().dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.staff_id', $1, true), set_config('app.today', $2, true), set_config('app.now', $3, true)`, [
      demoStaff(username).id,
      TODAY,
      DEFAULT_NOW,
    ]);
    const { assignments, facts } = await reloadAssignmentsAndFacts(manager);
    return defineAbilityFor({ ...actorOf(username), assignments }, facts, TODAY);
  });
}

const RECORDS = `{
  children(first: 100) { edges { node { id authority viewerFacts } } }
  households(first: 100) { edges { node { id proposedFor earlyPermanence stage viewerFacts } } }
  matches(first: 100) { edges { node { id authority childId status viewerFacts } } }
}`;
const LISTED: [string, 'Child' | 'Household' | 'Match', EntityTarget<ObjectLiteral>][] = [
  ['children', 'Child', ChildRecord],
  ['households', 'Household', HouseholdRecord],
  ['matches', 'Match', MatchRecord],
];

it.each(['finder.1', 'adm.kent', 'panel.1', 'ppm.kent'])(
  'for %s, the browser answers as the server does for every action, and every field, on every child, household and match listed',
  async (username) => {
    const browser = createMongoAbility(unpackRules(await rulesOf(username)) as RawRuleOf<MongoAbility>[]);
    const server = await serverAbilityOf(username);
    const { data, errors } = await api().as(username)(RECORDS);
    expect(errors).toBeUndefined();
    const disagreements: string[] = [];
    for (const [list, type, entity] of LISTED) {
      const shown = nodes(data![list]);
      expect(shown.length).toBeGreaterThan(0);
      const stored = new Map(
        (
          await api()
            .dataSource.getRepository(entity)
            .findBy({ id: In(shown.map((r) => r.id)) })
        ).map((r) => [r.id, r]),
      );
      for (const record of shown) {
        const asked = (action: Action, field?: string) =>
          browser.can(action, subject(type, { ...record }), field) === server.can(action, stored.get(record.id)!, field);
        for (const action of ACTIONS) if (!asked(action)) disagreements.push(`${action} ${type} ${record.id}`);
        if (type !== 'Match') for (const field of allFieldsOf(type)) if (!asked('read', field)) disagreements.push(`read ${type}.${field}`);
      }
    }
    expect(disagreements).toEqual([]);
  },
);

/** The types of the records a screen lists, whose rules a client applies to what the API returned of them. */
const LISTED_TYPES = ['Child', 'ChildDecision', 'PlacementOrder', 'Placement', 'Disruption', 'Match', 'Household', 'AgendaItem'];

it.each(['finder.1', 'finder.2', 'adm.kent', 'adm.raa', 'ppm.kent', 'panel.1', 'adviser.1', 'vicechair.1'])(
  'for %s, every field the client rules test on a listed record is a field of its type: no list of ids, nothing the API does not show',
  async (username) => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8'));
    const untestable: string[] = [];
    for (const rule of unpackRules(await rulesOf(username)) as RawRuleOf<MongoAbility>[]) {
      for (const type of [rule.subject].flat() as string[]) {
        if (!LISTED_TYPES.includes(type)) continue;
        const fields = (schema.getType(type) as GraphQLObjectType).getFields();
        for (const field of Object.keys(rule.conditions ?? {})) if (!(field in fields)) untestable.push(`${type}.${field}`);
      }
      for (const list of Object.values(rule.conditions ?? {}).flatMap((v) => (v && typeof v === 'object' ? Object.values(v) : []))) {
        if (Array.isArray(list) && list.some((id) => /^[0-9a-f-]{36}$/.test(id))) untestable.push(`${rule.subject}: a list of ids`);
      }
    }
    expect(untestable).toEqual([]);
  },
);
