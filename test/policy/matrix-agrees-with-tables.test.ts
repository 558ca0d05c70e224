import { DEMO_PANEL_IDS, demoStaff } from '../../seeds/demo-staff';
import type { RoleAssignment } from '../../src/authz/actor';
import { buildAccessMatrix, MATRIX_ROLES, type MatrixCell, type MatrixRole } from '../../src/authz/matrix/access-matrix';
import { cellKey, matrixCellOf, matrixRoleOf } from '../helpers/matrix-cell-of';
import { directoryScopeOf } from '../../src/authz/role-holding';
import { ACTIONS, SUBJECT_TYPES } from '../../src/authz/vocabulary';
import {
  ALL_ROWS,
  checksOf,
  FIRST_NAME_AND_AGE,
  fixtureFor,
  ROLE_TABLES,
  seesOf,
  TODAY,
  WINDOWS,
  type Check,
  type FieldView,
  type Fixture,
} from './expectations';

/**
 * The generated access matrix and the hand-written role tables say the same thing: what a table allows, the
 * matrix does not refuse (and grants outright where the table's scope needs no condition); what a role may
 * never do, the matrix refuses in every scope; the field classes a table expects are the ones it lists.
 *
 * Exactly: for every check of every row, the matrix's words are read for the row's record (the fixture
 * test/policy/expectations/scopes.ts puts in the row's scope), and the verdict they give and the field classes
 * they show must be the row's, no more and no fewer. A condition the matrix states in words this test cannot
 * read fails the test, rather than passing unread. Every cell of the matrix is accounted for: one per role,
 * scope, subject and action it declares, and every access it grants is stated by a row (or listed below as a
 * grant the tables do not state).
 */
const CELLS = buildAccessMatrix();
const CHECKS = ALL_ROWS.flatMap(checksOf);
const UNCONDITIONAL_SCOPES = new Set(['own authority', 'partnership-wide']);
const VIEW_WORDS: Record<FieldView, RegExp> = {
  case: /\bcase\b/,
  identifying: /\bidentifying\b(?! \()/,
  special: /\bspecial\b/,
  criminalOffence: /\bcriminalOffence\b/,
  birthFamily: /\bbirthFamily\b/,
  'first name and age': /identifying \((firstName, ageInYears|applicantFirstNames, applicantAges) only\)/,
};

const cellsOf = (check: Check) => matrixCellOf(check, CELLS);

// ---- Reading the matrix's words for one record --------------------------------------------------------------

/** The record a check is about, and who is asking: what the matrix's conditions are tested against. */
type RowRecord = { fixture: Fixture; actor: string; authority: string | null; panel: number | null };

/** The words the matrix gives its symbolic facts (src/authz/matrix/access-matrix.ts), longest first. */
const ALLOCATED = 'allocated to them';
const ON_AGENDA = 'on an open agenda of their panel';
const ON_APPROVAL_AGENDA = 'on an open agenda of their panel for its approval, review or termination';
const THEIR_PANEL = 'their panel';
const HEARD = 'recommended on by a panel they sat on';
const DECLARED = 'one they declared an interest in';
const NAMED = 'restricted to them by name';
const EMERGENCY = 'reached by their live emergency access';
const THEMSELVES = 'themselves';
const FACT_WORDS = [ON_APPROVAL_AGENDA, HEARD, DECLARED, NAMED, EMERGENCY, ON_AGENDA, ALLOCATED, THEIR_PANEL, THEMSELVES];
const HOLDS_FOR_THEIR_AUTHORITY = 'holds a role for their authority today';
const RELATIONS = [
  'proposed for a child of their authority',
  'its household is proposed for a child of their authority',
  HOLDS_FOR_THEIR_AUTHORITY,
];

function unreadable(what: string): never {
  throw new Error(`the matrix says something this test cannot read: ${what}`);
}

function recordOf(check: Check): RowRecord {
  const { actor, subject, authority } = check.row;
  const [assignment] = demoStaff(actor).assignments;
  const panel = assignment!.panelId ? (DEMO_PANEL_IDS as readonly string[]).indexOf(assignment!.panelId) + 1 : null;
  return { fixture: fixtureFor({ actor, subject, scope: check.scope, authority }), actor, authority: assignment!.authority, panel };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Agenda = { panel: number; window: keyof typeof WINDOWS };
const agendaOf = (f: Fixture): Agenda | null => (f.kind === 'case' || f.kind === 'household' ? f.agenda : null);
/** Papers close 7 days after the meeting (scopes.ts). */
const closesOn = (a: Agenda) => addDays(WINDOWS[a.window].meetingOn, 7);
/** The facts carry an agenda item while its papers are open: from their release until they close. */
const onTheirOpenAgenda = (r: RowRecord, a: Agenda | null) =>
  a !== null && a.panel === r.panel && WINDOWS[a.window].papersReleasedOn <= TODAY && TODAY <= closesOn(a);

/** The one role of a member of staff the record is (the actor's own, or a colleague's), whatever its days. */
function roleOfStaff(f: Fixture): RoleAssignment | undefined {
  if (f.kind === 'self') return demoStaff(f.actor).assignments[0];
  if (f.kind !== 'staff') return undefined;
  return { role: f.role, authority: f.authority, panelId: f.panel && DEMO_PANEL_IDS[f.panel - 1]!, panelRole: f.panel ? 'MEMBER' : null };
}

/** That role if it holds today, as the staff directory reads it. */
function heldToday(f: Fixture): RoleAssignment[] {
  const role = roleOfStaff(f);
  return role && (f.kind === 'self' || (f.kind === 'staff' && f.days === 'today')) ? [role] : [];
}

const panelNumber = (panelId: string | null | undefined) =>
  panelId ? (DEMO_PANEL_IDS as readonly string[]).indexOf(panelId) + 1 : undefined;

/** Whether `field` of the record names something the fact words describe. */
function factHolds(r: RowRecord, field: string, words: string): boolean {
  const f = r.fixture;
  switch (words) {
    case ALLOCATED:
      if (!['id', 'childId'].includes(field)) return unreadable(`${field} is ${words}`);
      return f.kind === 'case' && f.finder === r.actor;
    case ON_AGENDA:
      // A case is on the agenda as a MATCH item: its child, household and match with it.
      if (!['id', 'childId', 'householdId'].includes(field)) return unreadable(`${field} is ${words}`);
      return f.kind === 'case' && onTheirOpenAgenda(r, f.agenda);
    case ON_APPROVAL_AGENDA:
      if (!['id', 'householdId'].includes(field)) return unreadable(`${field} is ${words}`);
      return f.kind === 'household' && onTheirOpenAgenda(r, f.agenda);
    case HEARD:
      // No demo decision maker has sat on a panel (separation of duties): no fixture was heard by one.
      if (field !== 'id') return unreadable(`${field} is ${words}`);
      return false;
    case NAMED:
      if (!['id', 'childId'].includes(field)) return unreadable(`${field} is ${words}`);
      return f.kind === 'restricted' && f.naming === r.actor;
    case EMERGENCY:
      // No fixture holds a live emergency access of the actor's (test/access/emergency-access.api.test.ts has them).
      if (!['id', 'childId'].includes(field)) return unreadable(`${field} is ${words}`);
      return false;
    case DECLARED:
      // No fixture holds a declaration by the actor (test/access/conflict-of-interest.api.test.ts has them).
      if (field !== 'id') return unreadable(`${field} is ${words}`);
      return false;
    case THEIR_PANEL: {
      if (field === 'livePanelIds') return heldToday(f).some((a) => panelNumber(a.panelId) === r.panel);
      if (!['id', 'panelId'].includes(field)) return unreadable(`${field} is ${words}`);
      const panel = f.kind === 'panel' ? f.panel : (agendaOf(f)?.panel ?? panelNumber(roleOfStaff(f)?.panelId));
      return panel !== undefined && panel === r.panel;
    }
    case THEMSELVES:
      // The actor's own entry (its id), a role or an emergency access of theirs (its staffId), or a restriction naming them.
      if (field === 'allowedStaffIds') return f.kind === 'restricted' && f.naming === r.actor;
      if (!['id', 'staffId'].includes(field)) return unreadable(`${field} is ${words}`);
      return f.kind === 'self' || (field === 'staffId' && f.kind === 'emergency' && f.holder === r.actor);
    default:
      return unreadable(words);
  }
}

/**
 * A plain attribute of the record, as role-tables.test.ts builds it for the fixture (undefined: it has none); an
 * array for an array column of the staff directory, which holds a value it contains.
 */
function attributeOf(r: RowRecord, field: string): string | string[] | undefined {
  const f = r.fixture;
  const agenda = agendaOf(f);
  const staff = roleOfStaff(f);
  switch (field) {
    case 'restrictionCategory':
    case 'child.restrictionCategory':
      return f.kind === 'restricted' ? f.category : undefined;
    case 'childRestrictionCategory':
      return f.kind === 'emergency' ? (f.category ?? undefined) : undefined;
    case 'liveRoles':
      return heldToday(f).map((a) => a.role);
    case 'liveScopes':
      return heldToday(f).map((a) => directoryScopeOf(a.authority));
    case 'active':
      return f.kind === 'staff' ? String(f.active) : f.kind === 'self' ? 'true' : undefined;
    case 'role':
      return staff?.role;
    case 'authority':
      // A role's: held for an authority, or for none ('null', as the matrix words it).
      return staff ? String(staff.authority) : unreadable(`the field ${field}`);
    case 'kind':
      return f.kind === 'case' ? 'MATCH' : f.kind === 'household' ? 'ADOPTER_APPROVAL' : undefined;
    case 'status':
      return f.kind === 'case' ? f.link : undefined;
    case 'stage':
      return f.kind === 'household' ? f.stage : f.kind === 'case' ? (f.link === 'PLACED' ? 'PLACED' : 'APPROVED') : undefined;
    case 'earlyPermanence':
      return f.kind === 'household' || f.kind === 'case' ? String(f.kind === 'household' && f.earlyPermanence === true) : undefined;
    case 'papersReleasedOn':
    case 'meetingOn':
      return agenda ? WINDOWS[agenda.window][field] : undefined;
    case 'windowClosesOn':
      return agenda ? closesOn(agenda) : undefined;
    default:
      return unreadable(`the field ${field}`);
  }
}

/** 'a or b or c', where a value may itself be fact words with ' or ' in them. */
function valuesOf(text: string): string[] {
  const values: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const words = FACT_WORDS.find((w) => rest === w || rest.startsWith(`${w} or `));
    const value = words ?? (rest.includes(' or ') ? rest.slice(0, rest.indexOf(' or ')) : rest);
    values.push(value);
    rest = rest.slice(value.length).replace(/^ or /, '');
  }
  return values;
}

const COMPARISONS: [string, (a: string, b: string) => boolean][] = [
  ['on or before', (a, b) => a <= b],
  ['on or after', (a, b) => a >= b],
  ['before', (a, b) => a < b],
  ['after', (a, b) => a > b],
];

/** One condition of the matrix ('stage is PANEL or APPROVED', 'windowClosesOn is before today'), for the record. */
function atomHolds(r: RowRecord, atom: string): boolean {
  if (atom === HOLDS_FOR_THEIR_AUTHORITY) return heldToday(r.fixture).some((a) => a.authority === r.authority);
  if (RELATIONS.includes(atom)) {
    // A household is proposed for the children its matches link it with: the fixture's case, if any.
    return r.fixture.kind === 'case' && r.fixture.authority === r.authority;
  }
  const [, field, said] = /^([\w.]+) is (.+)$/.exec(atom) ?? unreadable(atom);
  if (said!.startsWith('not ')) return !atomHolds(r, `${field} is ${said!.slice('not '.length)}`);
  for (const [words, compare] of COMPARISONS) {
    if (!said!.startsWith(`${words} `)) continue;
    const bound = said!.slice(words.length + 1);
    if (bound !== 'today') return unreadable(atom);
    const value = attributeOf(r, field!);
    if (Array.isArray(value)) return unreadable(atom);
    return value !== undefined && compare(value, TODAY);
  }
  const has = (value: string | string[] | undefined, v: string) => (Array.isArray(value) ? value.includes(v) : value === v);
  return valuesOf(said!).some((v) => (FACT_WORDS.includes(v) ? factHolds(r, field!, v) : has(attributeOf(r, field!), v)));
}

const conjunctionHolds = (r: RowRecord, words: string) => words === 'any' || words.split(' and ').every((atom) => atomHolds(r, atom));

/** The field classes one alternative of a cell's fields lists ('case, identifying (firstName, ageInYears only)'). */
function viewsOf(fields: string): FieldView[] {
  const views: FieldView[] = [];
  for (const [, name, partial] of fields.matchAll(/(\w+)(?: \(([^)]*) only\))?(?:, |$)/g)) {
    if (partial === undefined) {
      if (!(name! in VIEW_WORDS)) unreadable(`the field class ${name}`);
      views.push(name as FieldView);
    } else if (name === 'identifying' && Object.values(FIRST_NAME_AND_AGE).some((names) => names.join(', ') === partial)) {
      views.push('first name and age');
    } else {
      unreadable(`the fields ${name} (${partial} only)`);
    }
  }
  return views;
}

/**
 * What the cell says of the record: allowed or refused, and the field classes it shows. A conditional cell
 * ('allowed if A; or B, unless C') grants when some alternative holds and no denial does, and shows the
 * classes of the alternatives that hold. An unconditional grant ('allowed') shows every alternative's classes:
 * the matrix does not word the conditions of its other grants, so all are taken to hold (should one not, the
 * row's classes differ and the test fails, for a person to read).
 */
function matrixVerdict(cell: MatrixCell, r: RowRecord): { allowed: boolean; sees: FieldView[] } {
  // 'A; or B; except where C: not D': the classes of D are withheld where C holds.
  const [granted, ...exceptions] = cell.fields === null ? [null] : cell.fields.split('; except where ');
  const alternatives = granted === null ? null : granted!.split('; or ');
  const withheld = (exceptions as string[]).flatMap((e) => {
    const at = e.lastIndexOf(': not ');
    return conjunctionHolds(r, e.slice(0, at)) ? viewsOf(e.slice(at + ': not '.length)) : [];
  });
  const seen = (holding: boolean[] | null) =>
    [...new Set((alternatives ?? []).filter((_, i) => holding === null || holding[i]).flatMap(viewsOf))]
      .filter((view) => !withheld.includes(view))
      .sort();
  if (cell.access === 'refused') return { allowed: false, sees: [] };
  if (cell.access === 'allowed') return { allowed: true, sees: seen(null) };
  if (!cell.access.startsWith('allowed if ')) return unreadable(cell.access);
  const text = cell.access.slice('allowed if '.length);
  const at = text.indexOf(', unless ');
  const grants = (at === -1 ? text : text.slice(0, at)).split('; or ');
  const denials = at === -1 ? [] : text.slice(at + ', unless '.length).split('; or ');
  if (alternatives !== null) expect(alternatives).toHaveLength(grants.length);
  const holding = grants.map((g) => conjunctionHolds(r, g));
  const allowed = holding.some(Boolean) && !denials.some((d) => conjunctionHolds(r, d));
  return { allowed, sees: allowed ? seen(holding) : [] };
}

const GUARDED = new Set(['Child', 'Household']);
const UNCONDITIONAL = /^allowed$|^allowed if (.*; or )?any(; or .*)?(, unless .*)?$/;
const isGuardedRead = (check: Check) => check.row.action === 'read' && GUARDED.has(check.row.subject);

// ---- The case list: every row of every table, and every cell of the matrix ------------------------------------

/** Grants of the matrix no row of the role tables speaks to: a new grant must be stated, or added here. */
const GRANTS_NO_TABLE_STATES = [
  'ADM (an authority’s) — own authority | Household | decide: allowed if proposed for a child of their authority',
  'ADM (an authority’s) — another authority | Household | read: allowed if proposed for a child of their authority',
  'ADM (an authority’s) — another authority | Household | decide: allowed if proposed for a child of their authority',
  'ADM (an authority’s) — another authority | HouseholdDecision | read: allowed if its household is proposed for a child of their authority',
  'ADM (an authority’s) — another authority | HouseholdStageEvent | read: allowed if its household is proposed for a child of their authority',
  'PPM lead — own authority | Match | record: allowed if any, unless child.restrictionCategory is ADOPTION and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or STAFF_CONNECTED or HIGH_RISK and childId is not restricted to them by name',
  'PPM lead — own authority | Household | record: allowed if proposed for a child of their authority',
  'PPM lead — another authority | ChildRestriction | read: allowed if allowedStaffIds is themselves',
  'PPM lead — another authority | Household | read: allowed if earlyPermanence is true and stage is APPROVED or MATCHED; or proposed for a child of their authority',
  'PPM lead — another authority | Household | record: allowed if proposed for a child of their authority',
  'PPM lead — another authority | HouseholdDecision | read: allowed if its household is proposed for a child of their authority',
  'PPM lead — another authority | HouseholdStageEvent | read: allowed if its household is proposed for a child of their authority',
  'Panel chair — any authority | Child | recommend: allowed if id is on an open agenda of their panel, unless restrictionCategory is HIGH_PROFILE or STAFF_CONNECTED or HIGH_RISK and id is not restricted to them by name',
  'Panel chair — any authority | ChildDecision | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel chair — any authority | Allocation | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel chair — any authority | PlacementOrder | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel chair — any authority | Placement | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is ADOPTION and childId is not restricted to them by name; or child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel chair — any authority | Disruption | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel chair — any authority | Match | recommend: allowed if id is on an open agenda of their panel, unless child.restrictionCategory is ADOPTION and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or STAFF_CONNECTED or HIGH_RISK and childId is not restricted to them by name',
  'Panel chair — any authority | HouseholdDecision | read: allowed if householdId is on an open agenda of their panel or on an open agenda of their panel for its approval, review or termination',
  'Panel vice chair — any authority | Child | recommend: allowed if id is on an open agenda of their panel, unless restrictionCategory is HIGH_PROFILE or STAFF_CONNECTED or HIGH_RISK and id is not restricted to them by name',
  'Panel vice chair — any authority | ChildDecision | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel vice chair — any authority | Allocation | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel vice chair — any authority | PlacementOrder | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel vice chair — any authority | Placement | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is ADOPTION and childId is not restricted to them by name; or child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel vice chair — any authority | Disruption | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel vice chair — any authority | Match | recommend: allowed if id is on an open agenda of their panel, unless child.restrictionCategory is ADOPTION and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or STAFF_CONNECTED or HIGH_RISK and childId is not restricted to them by name',
  'Panel adviser — any authority | ChildDecision | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel adviser — any authority | Allocation | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel adviser — any authority | PlacementOrder | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel adviser — any authority | Placement | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is ADOPTION and childId is not restricted to them by name; or child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel adviser — any authority | Disruption | read: allowed if childId is restricted to them by name; or childId is on an open agenda of their panel, unless child.restrictionCategory is STAFF_CONNECTED and childId is not restricted to them by name; or child.restrictionCategory is HIGH_PROFILE or HIGH_RISK and childId is not restricted to them by name or reached by their live emergency access',
  'Panel adviser — any authority | HouseholdDecision | read: allowed',
];

describe('the case lists', () => {
  it('the matrix has exactly one cell for each role, scope, subject and action it declares', () => {
    const scopesOf = (r: MatrixRole) => (r.authorityScoped ? ['own authority', 'another authority'] : ['any authority']);
    const declared = MATRIX_ROLES.flatMap((r) =>
      scopesOf(r).flatMap((scope) =>
        SUBJECT_TYPES.flatMap((subject) =>
          ACTIONS.map((action) => cellKey({ role: r.name, scope: scope as MatrixCell['scope'], subject, action })),
        ),
      ),
    );
    expect(MATRIX_ROLES.length).toBeGreaterThan(0);
    expect(declared.length).toBe(MATRIX_ROLES.reduce((n, r) => n + scopesOf(r).length, 0) * SUBJECT_TYPES.length * ACTIONS.length);
    expect(CELLS).toHaveLength(declared.length);
    expect(CELLS.map(cellKey)).toEqual(declared);
  });

  it('every check the role tables declare is run: one per row, and one more per scope an allowed-if row is refused in', () => {
    const declared = ROLE_TABLES.reduce(
      (n, table) => n + table.rows.reduce((m, row) => m + 1 + (row.expected === 'allowed-if' ? row.otherwise.length : 0), 0),
      0,
    );
    for (const table of ROLE_TABLES) {
      expect({ table: table.role, hasRows: table.rows.length > 0 }).toEqual({ table: table.role, hasRows: true });
    }
    expect(ALL_ROWS).toHaveLength(ROLE_TABLES.reduce((n, t) => n + t.rows.length, 0));
    expect(CHECKS).toHaveLength(declared);
    expect(new Set(CHECKS.map((c) => c.name)).size).toBe(CHECKS.length);
  });

  it('every role of the matrix is checked by the tables', () => {
    const checked = new Set(CHECKS.map((c) => matrixRoleOf(c.row.actor).name));
    expect([...checked].sort()).toEqual(MATRIX_ROLES.map((r) => r.name).sort());
  });

  it('only reads of a child or household show field classes, and only where the matrix grants them', () => {
    const withFields = CELLS.filter((c) => c.fields !== null).map(cellKey);
    const granted = CELLS.filter((c) => c.action === 'read' && GUARDED.has(c.subject) && c.access !== 'refused').map(cellKey);
    expect(withFields).toEqual(granted);
  });

  it('every access the matrix grants is stated by a row of the role tables, but for the grants listed here', () => {
    const named = new Set(CHECKS.map((c) => cellKey(cellsOf(c).cell)));
    const unstated = CELLS.filter((c) => c.access !== 'refused' && !named.has(cellKey(c))).map((c) => `${cellKey(c)}: ${c.access}`);
    expect(unstated).toEqual(GRANTS_NO_TABLE_STATES);
  });
});

// ---- Each check against its cell -------------------------------------------------------------------------------

describe.each(CHECKS.map((check) => [check.name, check] as const))('%s', (_name, check) => {
  it('agrees with the access matrix', () => {
    const { cell, all } = cellsOf(check);
    const reason = check.row.expected === 'allowed' ? undefined : check.row.reason;
    if (check.allowed) {
      expect(cell.access).not.toBe('refused');
      // Unconditional but for restricted records: one grant is 'any', narrowed only by the restrictions' denials.
      if (check.row.expected === 'allowed' && UNCONDITIONAL_SCOPES.has(check.scope)) expect(cell.access).toMatch(UNCONDITIONAL);
      for (const view of seesOf(check.row) ?? []) expect(cell.fields).toMatch(VIEW_WORDS[view]);
    } else if (reason?.startsWith('ROLE_MAY_NOT_')) {
      expect(all.map((c) => c.access)).toEqual(all.map(() => 'refused'));
    } else {
      expect(cell.access).not.toBe('allowed');
    }

    // Exactly: the matrix's words, read for this row's record, give the row's verdict and its field classes.
    const sees = seesOf(check.row);
    if (check.allowed && isGuardedRead(check)) expect({ namesWhatItSees: sees !== undefined }).toEqual({ namesWhatItSees: true });
    const expected = { allowed: check.allowed, sees: check.allowed && isGuardedRead(check) ? [...new Set(sees)].sort() : [] };
    const said = { matrix: `${cellKey(cell)}: ${cell.access}${cell.fields ? ` — ${cell.fields}` : ''}`, scope: check.scope };
    expect({ ...said, ...matrixVerdict(cell, recordOf(check)) }).toEqual({ ...said, ...expected });
  });
});
