import { createMongoAbility, subject as tagged, type MongoAbility, type RawRuleOf } from '@casl/ability';
import fc from 'fast-check';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DEMO_PANEL_IDS, demoStaff } from '../../seeds/demo-staff';
import type { Actor, RoleAssignment } from '../../src/authz/actor';
import { clientRulesOf, viewerFactsOf } from '../../src/authz/client-rules';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { HOUSEHOLD_ITEM_KINDS, scopeFacts, type ScopeFacts } from '../../src/authz/facts';
import { readableCondition } from '../../src/access/readable-columns';
import { accessibleQuery } from '../../src/access/scoped-reads';
import { allFieldsOf } from '../../src/authz/field-classes';
import { ACTIONS, AUTHORITIES, PANEL_ROLES, ROLES, type SubjectType } from '../../src/authz/vocabulary';
import type { AppAbility } from '../../src/authz/ability';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { CHILD_STAGES } from '../../src/journey/child-stage';
import { ChildRecord } from '../../src/journey/child.entity';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../../src/households/household-decision.entity';
import { HOUSEHOLD_STAGES } from '../../src/households/household-stage';
import { HouseholdStageEventRecord } from '../../src/households/household-stage-event.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MATCH_STATUSES, MatchRecord } from '../../src/journey/match.entity';
import { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { PanelMeetingRecord } from '../../src/panels/panel-meeting.entity';
import { PanelRecord } from '../../src/panels/panel.entity';
import { ReportQualityFeedbackRecord } from '../../src/panels/report-quality-feedback.entity';
import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { StaffDirectoryEntryRecord } from '../../src/staff/staff-directory-entry.entity';
import type { OrderFields } from '../../src/graphql/list-order';
import { HOUSEHOLD_ORDER_FIELDS, HOUSEHOLD_SEARCH_FIELDS } from '../../src/households/household-list';
import { CHILD_SEARCH_FIELDS } from '../../src/journey/child-list';
import { CHILD_ORDER_FIELDS } from '../../src/journey/child-order';
import { MATCH_ORDER_FIELDS } from '../../src/journey/match.types';
import { STAFF_MEMBER_ORDER_FIELDS } from '../../src/staff/staff.types';
import { SUPPORT_REQUEST_ORDER_FIELDS } from '../../src/support/support.types';
import { insertChild } from '../helpers/factories';
import {
  insertAgendaItem,
  insertHousehold,
  insertPanelMeeting,
  insertSupportRequest,
  type PanelNumber,
} from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { testDatabaseKind } from '../helpers/test-database';

/**
 * The SQL filter is the check: for random staff (any roles, authorities and panels, several assignments), random facts
 * (any subset of the records as allocations, open and heard agenda items, children named on a restriction or reached by
 * an emergency access; the matches propose households) and a random day, the rows `accessibleQuery` returns for every
 * subject and action are exactly the records `ability.can(action, record)` allows; and, for every field a list filters,
 * searches or orders by, the rows of the list on which the lists read it are exactly the records
 * `ability.can('read', record, field)` allows. The records, random too (staff among them, with roles for random days),
 * are inserted once; each case is one statement: every subject × action query of `accessibleQuery`, joined by UNION
 * ALL, on the case's day, on which the staff directory is read too. One seed (FC_SEED, else the clock) drives the
 * records and the cases, so a failure replays from the seed it prints.
 */
const SEED = Number(process.env.FC_SEED ?? Date.now() % 0x7fffffff);
/** The heavy run is the real server's; the embedded run keeps a quick sample of the same property. */
const NUM_RUNS = testDatabaseKind() === 'postgres' ? 1000 : 100;
const BASE_DAY = '2026-11-20';
const RANDOM_STAFF_ID = '00000000-0000-4000-8000-0000000000ff';

const SUBJECTS: [SubjectType, EntityTarget<ObjectLiteral>][] = [
  ['Child', ChildRecord],
  ['ChildDecision', ChildDecisionRecord],
  ['Allocation', AllocationRecord],
  ['Match', MatchRecord],
  ['Household', HouseholdRecord],
  ['HouseholdDecision', HouseholdDecisionRecord],
  ['HouseholdStageEvent', HouseholdStageEventRecord],
  ['Panel', PanelRecord],
  ['PanelMeeting', PanelMeetingRecord],
  ['AgendaItem', AgendaItemRecord],
  ['PanelRecommendationView', AgendaItemRecord],
  ['ReportQualityFeedback', ReportQualityFeedbackRecord],
  ['SupportRequest', SupportRequestRecord],
  ['SupportAssessment', SupportAssessmentRecord],
  ['RoleAssignment', RoleAssignmentRecord],
  ['StaffMember', StaffDirectoryEntryRecord],
];
/** Subjects whose rows depend on the request's day: read again on each case's day. */
const OF_THE_DAY: SubjectType[] = ['StaffMember'];
const entityOf = (subject: SubjectType) => SUBJECTS.find(([s]) => s === subject)![1];
const BRANCHES = SUBJECTS.flatMap(([subject, entity]) => ACTIONS.map((action) => ({ subject, entity, action })));
type FieldBranch = { subject: SubjectType; entity: EntityTarget<ObjectLiteral>; field: string };

/** The fields of the lists' orders, as the field guard names them. */
const orderedBy = (fields: OrderFields<string>) => Object.values(fields).map((f) => f.field ?? f.property);

/**
 * Every field a list filters, searches or orders by: every classified field of a child or household, and the fields of
 * the other lists' orders, filters and searches.
 */
const LIST_FIELDS: [SubjectType, string[]][] = [
  ['Child', [...allFieldsOf('Child'), ...orderedBy(CHILD_ORDER_FIELDS), ...CHILD_SEARCH_FIELDS]],
  ['Household', [...allFieldsOf('Household'), ...orderedBy(HOUSEHOLD_ORDER_FIELDS), ...HOUSEHOLD_SEARCH_FIELDS]],
  ['Match', [...orderedBy(MATCH_ORDER_FIELDS), 'status', 'childId', 'proposedOn']],
  ['SupportRequest', [...orderedBy(SUPPORT_REQUEST_ORDER_FIELDS), 'authority', 'outcome', 'receivedOn', 'adviceLineCallOn']],
  ['StaffMember', [...orderedBy(STAFF_MEMBER_ORDER_FIELDS), 'displayName', 'username', 'active']],
];

/**
 * Per field a list filters, searches or orders by: the records of the list on which the caller may read it, as the
 * lists read it (src/access/readable-columns.ts), against `ability.can('read', record, field)`. Fields the same rules
 * decide for this caller are decided alike, by SQL and check: one field of each such set is asked.
 */
function fieldBranches(ability: AppAbility): FieldBranch[] {
  return LIST_FIELDS.flatMap(([subject, fields]) => {
    const rules = ability.possibleRulesFor('read', subject);
    const bySameRules = new Map<string, string>();
    for (const field of new Set(fields)) {
      const key = ability
        .rulesFor('read', subject, field)
        .map((rule) => rules.indexOf(rule))
        .join();
      if (!bySameRules.has(key)) bySameRules.set(key, field);
    }
    return [...bySameRules.values()].map((field) => ({ subject, entity: entityOf(subject), field }));
  });
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const authority = fc.constantFrom(...AUTHORITIES);
const panel = fc.integer({ min: 1, max: 4 }) as fc.Arbitrary<PanelNumber>;
const POOL = fc.record({
  children: fc.array(
    fc.record({
      authority,
      stage: fc.constantFrom(...CHILD_STAGES),
      planned: fc.boolean(),
      finder: fc.option(fc.constantFrom('finder.1', 'finder.2'), { nil: null }),
    }),
    { minLength: 12, maxLength: 12 },
  ),
  households: fc.array(fc.record({ stage: fc.constantFrom(...HOUSEHOLD_STAGES), earlyPermanence: fc.boolean() }), {
    minLength: 8,
    maxLength: 8,
  }),
  /** Match i links child i: at most one open match a child. */
  matches: fc.array(fc.record({ household: fc.nat(7), status: fc.constantFrom(...MATCH_STATUSES) }), {
    minLength: 10,
    maxLength: 10,
  }),
  items: fc.array(
    fc.record({
      panel,
      meetingIn: fc.integer({ min: -20, max: 20 }),
      papersLead: fc.integer({ min: 0, max: 14 }),
      match: fc.option(fc.nat(9), { nil: null }),
      household: fc.nat(7),
      /** The kind of an item about a household alone (an item naming a match is a MATCH item). */
      householdKind: fc.constantFrom(...HOUSEHOLD_ITEM_KINDS),
    }),
    { minLength: 10, maxLength: 10 },
  ),
  feedback: fc.uniqueArray(panel, { maxLength: 4 }),
  supportRequests: fc.array(fc.record({ authority, assessed: fc.boolean() }), { minLength: 6, maxLength: 6 }),
  /** Staff, each with one role held from `from` for `days` (none: open) days around the base day. */
  staff: fc.array(
    fc.record({
      active: fc.boolean(),
      role: fc.constantFrom(...ROLES),
      authority: fc.option(authority, { nil: null }),
      panel: fc.option(panel, { nil: null }),
      from: fc.integer({ min: -30, max: 30 }),
      days: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    }),
    { minLength: 12, maxLength: 12 },
  ),
});
type PoolSpec = typeof POOL extends fc.Arbitrary<infer T> ? T : never;

async function insertPool(ds: DataSource, spec: PoolSpec): Promise<void> {
  const children = [];
  for (const c of spec.children) {
    const child = await insertChild(ds, c.authority, { stage: c.stage });
    children.push(child);
    const of = { childId: child.id, authority: c.authority };
    const by = demoStaff(`adm.${c.authority.toLowerCase()}`).id;
    if (c.planned) {
      const decision = { kind: 'ADOPTION_PLAN' as const, outcome: 'APPROVED' as const, decidedOn: '2025-03-03' };
      await ds.getRepository(ChildDecisionRecord).insert({ ...of, ...decision, rationale: 'the plan', decidedBy: by });
    }
    if (c.finder) {
      const allocation = { familyFinderId: demoStaff(c.finder).id, allocatedOn: '2025-03-04', allocatedBy: by };
      await ds.getRepository(AllocationRecord).insert({ ...of, ...allocation });
    }
  }
  const households = [];
  for (const { stage, earlyPermanence } of spec.households) households.push(await insertHousehold(ds, { stage, earlyPermanence }));
  const matches = [];
  for (const [i, m] of spec.matches.entries()) {
    const child = children[i]!;
    const repository = ds.getRepository(MatchRecord);
    const match = repository.create({
      childId: child.id,
      authority: child.authority,
      householdId: households[m.household]!.id,
      status: m.status,
      proposedOn: '2025-07-01',
      proposedBy: demoStaff('finder.1').id,
    });
    matches.push(await repository.save(match));
  }
  const awaitingPanel = new Set<number>();
  for (const item of spec.items) {
    const meetingOn = addDays(BASE_DAY, item.meetingIn);
    const papersReleasedOn = addDays(meetingOn, -item.papersLead);
    const meeting = await insertPanelMeeting(ds, { panel: item.panel, meetingOn, papersReleasedOn });
    const match = item.match === null ? undefined : matches[item.match];
    // A match awaits one panel's recommendation at a time (a unique index holds it): its other items were deferred.
    const recommendation = item.match !== null && awaitingPanel.has(item.match) ? 'DEFERRED' : null;
    if (item.match !== null) awaitingPanel.add(item.match);
    await insertAgendaItem(ds, {
      meeting,
      match,
      household: households[item.household],
      kind: match ? 'MATCH' : item.householdKind,
      recommendation,
    });
  }
  for (const n of spec.feedback) {
    await ds.getRepository(ReportQualityFeedbackRecord).insert({
      panelId: DEMO_PANEL_IDS[n - 1],
      period: '2026-H1',
      rating: 3,
      strengths: 'clear',
      improvements: 'shorter',
      recordedBy: demoStaff('panel.1').id,
    });
  }
  for (const [i, s] of spec.staff.entries()) {
    const [{ id }] = await ds.query(
      `INSERT INTO staff (username, display_name, active, deactivated_on, deactivation_reason) VALUES ($1, $1, $2, $3, $4) RETURNING id`,
      [`random.${i}`, s.active, s.active ? null : BASE_DAY, s.active ? null : 'left'],
    );
    // A role in the scope its table allows: a panel seat names its panel; a PPM lead an authority; the others either.
    const seat = s.role === 'PANEL_MEMBER' ? DEMO_PANEL_IDS[(s.panel ?? 1) - 1] : null;
    const held = s.role === 'PPM_LEAD' ? (s.authority ?? 'KENT') : ['ADM', 'AUDITOR'].includes(s.role) ? s.authority : null;
    const validFrom = addDays(BASE_DAY, s.from);
    await ds.query(
      `INSERT INTO role_assignments (staff_id, role, authority, panel_id, panel_role, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, s.role, held, seat, seat ? 'MEMBER' : null, validFrom, s.days === null ? null : addDays(validFrom, s.days)],
    );
  }
  for (const s of spec.supportRequests) {
    const request = await insertSupportRequest(ds, s.authority);
    if (s.assessed) {
      await ds.getRepository(SupportAssessmentRecord).insert({
        supportRequestId: request.id,
        authority: s.authority,
        completedOn: '2026-10-10',
        outcome: 'SUPPORT_PLAN',
        recordedBy: demoStaff('support.1').id,
      });
    }
  }
}

type Pool = Map<SubjectType, ObjectLiteral[]>;

async function loadPool(ds: DataSource): Promise<Pool> {
  const pool: Pool = new Map();
  for (const [subject, entity] of SUBJECTS) if (!OF_THE_DAY.includes(subject)) pool.set(subject, await ds.getRepository(entity).find());
  // What a decision maker reads of an agenda item is checked as its own subject.
  pool.set(
    'PanelRecommendationView',
    pool.get('PanelRecommendationView')!.map((item) => tagged('PanelRecommendationView', { ...item })),
  );
  // A household's records carry their household, as the SQL filter reaches it (`household.proposedFor`).
  const households = new Map(pool.get('Household')!.map((h) => [h.id, h]));
  for (const subject of ['HouseholdDecision', 'HouseholdStageEvent'] as const) {
    for (const record of pool.get(subject)!) record.household = households.get(record.householdId);
  }
  return pool;
}

const assignment: fc.Arbitrary<RoleAssignment> = fc.record({
  role: fc.constantFrom(...ROLES),
  authority: fc.option(authority, { nil: null }),
  panelId: fc.option(fc.constantFrom(...DEMO_PANEL_IDS), { nil: null }),
  panelRole: fc.option(fc.constantFrom(...PANEL_ROLES), { nil: null }),
});

function caseOf(pool: Pool) {
  const ids = (subject: SubjectType) => (pool.get(subject) ?? []).map((r) => r.id as string);
  const items = pool.get('AgendaItem') as AgendaItemRecord[];
  const facts: fc.Arbitrary<ScopeFacts> = fc
    .record({
      allocated: fc.subarray(ids('Child')),
      open: fc.subarray(items),
      heard: fc.subarray(items, { maxLength: 3 }),
      declared: fc.subarray(items, { maxLength: 2 }),
      named: fc.subarray(ids('Child'), { maxLength: 2 }),
      emergency: fc.subarray(ids('Child'), { maxLength: 2 }),
    })
    .map(({ allocated, open, heard, declared, named, emergency }) => {
      const itemFacts = (list: AgendaItemRecord[]) =>
        list.map(({ id, kind, childId, householdId, matchId }) => ({ id, kind, childId, householdId, matchId }));
      const factId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return scopeFacts(
        allocated.map((childId, i) => ({ id: factId(i), childId })),
        itemFacts(open),
        heard.map(({ matchId, householdId }) => ({ matchId, householdId })),
        itemFacts(declared),
        named,
        emergency.map((childId, i) => ({ id: factId(100 + i), childId })),
      );
    });
  // Someone not on the staff, or one of the staff, who reads their own entry and roles.
  const staffIds = [...new Set((pool.get('RoleAssignment') as RoleAssignmentRecord[]).map((a) => a.staffId))];
  return fc.record({
    staffId: fc.constantFrom(RANDOM_STAFF_ID, ...staffIds),
    assignments: fc.array(assignment, { minLength: 1, maxLength: 3 }),
    facts,
    today: fc.integer({ min: -25, max: 25 }).map((days) => addDays(BASE_DAY, days)),
  });
}

/** Per branch (subject × action), the ids the SQL filter lets through: one statement for every branch. */
async function filteredIds(manager: EntityManager, ability: AppAbility, fields: FieldBranch[]): Promise<string[][]> {
  const queries = BRANCHES.map(({ subject, entity, action }, i) =>
    accessibleQuery(manager, ability, action, subject, entity, `b${i}`).select(`b${i}.id`, 'id').addSelect(`${i}`, 'branch'),
  );
  for (const [j, { subject, entity, field }] of fields.entries()) {
    const i = BRANCHES.length + j;
    const { sql, params } = readableCondition(ability, subject, manager.connection.getMetadata(entity), `b${i}`, field);
    queries.push(
      accessibleQuery(manager, ability, 'read', subject, entity, `b${i}`)
        .andWhere(sql, params)
        .select(`b${i}.id`, 'id')
        .addSelect(`${i}`, 'branch'),
    );
  }
  const sql = queries.map((q) => `(${q.getQuery()})`).join(' UNION ALL ');
  const parameters = Object.assign({}, ...queries.map((q) => q.getParameters()));
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  const rows: { id: string; branch: number }[] = await manager.query(query, values);
  const ids = [...BRANCHES, ...fields].map((): string[] => []);
  for (const row of rows) ids[Number(row.branch)]!.push(row.id);
  return ids.map((list) => list.sort());
}

function allowedIds(pool: Pool, ability: AppAbility, fields: FieldBranch[]): string[][] {
  const allowed = (subject: SubjectType, may: (record: ObjectLiteral) => boolean) =>
    pool
      .get(subject)!
      .filter(may)
      .map((record) => record.id as string)
      .sort();
  return [
    ...BRANCHES.map(({ subject, action }) => allowed(subject, (record) => ability.can(action, record))),
    ...fields.map(({ subject, field }) => allowed(subject, (record) => ability.can('read', record, field))),
  ];
}

let pool: Pool;
const api = useTestApi(async ({ dataSource }) => {
  const [spec] = fc.sample(POOL, { seed: SEED, numRuns: 1 });
  await insertPool(dataSource, spec!);
  pool = await loadPool(dataSource);
});

it(`lets through exactly the records the check allows, for every subject and action, and every field a list filters, searches or orders by (${NUM_RUNS} cases)`, async () => {
  const ds = api().dataSource;
  const property = fc.asyncProperty(caseOf(pool), async ({ staffId, assignments, facts, today }) => {
    const actor: Actor = { staffId, username: 'random', displayName: 'Random staff', assignments };
    const ability = defineAbilityFor(actor, facts, today);
    const fields = fieldBranches(ability);
    const names = [...BRANCHES.map((b) => `${b.action} ${b.subject}`), ...fields.map((b) => `read ${b.subject}.${b.field}`)];
    const label = (ids: string[][]) => Object.fromEntries(names.map((name, i) => [name, ids[i]]));
    await ds.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.today', $1, true)`, [today]);
      const ofTheDay: Pool = new Map(await Promise.all(OF_THE_DAY.map(async (s) => [s, await manager.find(entityOf(s))] as const)));
      const allowed = allowedIds(new Map([...pool, ...ofTheDay]), ability, fields);
      expect(label(await filteredIds(manager, ability, fields))).toEqual(label(allowed));
    });
  });
  try {
    await fc.assert(property, { seed: SEED, numRuns: NUM_RUNS });
  } catch (error) {
    throw new Error(`filter and check disagree; replay with FC_SEED=${SEED}\n${(error as Error).message}`, { cause: error });
  }
  // A thousand cases on the real server: longer than a test's usual allowance on a busy machine.
}, 120_000);

/**
 * The rules a client receives (src/authz/client-rules.ts) decide as the server's: on every record of the pool (none
 * restricted, so no denial a client cannot apply is at stake), shown with the facts of the caller's caseload that hold
 * of it, every action and every classified field is answered alike, whatever the roles, the caseload and the day.
 */
it(`the client rules answer as the server's on every record, action and field (${NUM_RUNS} cases)`, () => {
  const subjects = SUBJECTS.map(([subject]) => subject).filter((subject) => !OF_THE_DAY.includes(subject));
  const property = fc.property(caseOf(pool), ({ staffId, assignments, facts, today }) => {
    const actor: Actor = { staffId, username: 'random', displayName: 'Random staff', assignments };
    const server = defineAbilityFor(actor, facts, today);
    const client = createMongoAbility(clientRulesOf(actor, facts, today) as RawRuleOf<MongoAbility>[]);
    const disagreements: string[] = [];
    for (const subject of subjects) {
      const actions = ACTIONS.filter((a) => server.possibleRulesFor(a, subject).length + client.possibleRulesFor(a, subject).length > 0);
      const fields = (['Child', 'Household'] as SubjectType[]).includes(subject) ? allFieldsOf(subject as 'Child' | 'Household') : [];
      for (const record of pool.get(subject)!) {
        const shown = tagged(subject, { ...record, viewerFacts: viewerFactsOf(facts, subject, record) });
        for (const action of actions) {
          if (client.can(action, shown) !== server.can(action, record)) disagreements.push(`${action} ${subject} ${record.id}`);
        }
        for (const field of fields) {
          if (client.can('read', shown, field) !== server.can('read', record, field)) disagreements.push(`read ${subject}.${field}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
  try {
    fc.assert(property, { seed: SEED, numRuns: NUM_RUNS });
  } catch (error) {
    throw new Error(`client and server rules disagree; replay with FC_SEED=${SEED}\n${(error as Error).message}`, { cause: error });
  }
});
