import { DEMO_PANEL_IDS, demoStaff } from '../../../seeds/demo-staff';
import { ROLE_SCOPE } from '../../../src/authz/role-holding';
import { ROLES, type Authority, type Role, type SubjectType } from '../../../src/authz/vocabulary';

/**
 * Where a record stands relative to the actor, in the words of docs/domain.md, and the fixture that puts a
 * record there. Both suites build the same fixtures: in memory (the ability suite) or in the database
 * (the API suite). Every table is read on TODAY.
 */
export const SCOPES = {
  'own authority': 'a record of the authority the actor works for',
  'another authority': 'a record of an authority the actor does not work for (the row names it)',
  'partnership-wide':
    'any record, tied to the actor by nothing: no authority, allocation, proposal or open agenda; of staff, a member who holds no role today (theirs starts later), or that role',
  'allocated to them': 'a child allocated to the actor as family finder now, or a record of that child',
  'not allocated to them': 'a child allocated to another family finder, or a record of that child',
  'proposed for a child of their authority': 'a household linked in a match with a child of the actor’s authority',
  'not proposed for a child of their authority': 'a household linked only with a child of another authority',
  'on an open agenda of their panel': 'on the agenda of their panel’s meeting held 2 days ago; its papers are open',
  'on an agenda of their panel not yet held': 'on their panel’s agenda; papers released, the meeting is in 5 days',
  'on an agenda whose papers are not yet released': 'on their panel’s agenda; the papers are released in 5 days',
  'on an agenda whose papers are closed': 'on their panel’s agenda; met 15 days ago, the papers closed 8 days ago',
  'on an open agenda of another panel': 'on the agenda of another panel’s meeting held 2 days ago',
  'on an open approval agenda of their panel':
    'a household at the panel stage on their panel’s agenda for approval, heard 2 days ago; its papers are open',
  'on an approval agenda whose papers are closed':
    'a household at the panel stage on their panel’s agenda for approval, heard 15 days ago; the papers closed 8 days ago',
  'awaiting panel': 'a match proposed and on no agenda yet, or a household at the panel stage',
  'in recruitment': 'a household at Stage 2, linked with no child and on no agenda',
  'dually approved carers': 'a household approved as adopters and as foster carers (early permanence), linked with no child',
  'their panel': 'the actor’s panel (its meetings, feedback, next meeting’s agenda)',
  'restricted, naming them':
    'a placed child of the actor’s authority (Kent, for a partnership-wide role) restricted whole (HIGH_PROFILE) by its ADM, naming the actor',
  'restricted, naming others':
    'a placed child of the actor’s authority (Kent, for a partnership-wide role) restricted whole (HIGH_PROFILE) by its ADM, naming someone else',
  'sealed at the adoption order':
    'an adopted child of the actor’s authority (Kent, for a partnership-wide role): its record sealed (ADOPTION), naming no one',
  'their emergency access to a child out of their reach':
    'the actor’s own emergency access, expired, to a placed child of an authority the row names (not theirs), restricted by no one and allocated to finder.2',
  'their emergency access to a child restricted to others':
    'the actor’s own emergency access, expired, to a placed child of their authority (Kent, for a partnership-wide role) restricted whole (HIGH_PROFILE) by its ADM, naming no one',
  'their emergency access to a child restricted as STAFF_CONNECTED':
    'the actor’s own request to break glass on a placed child of their authority (Kent, for a partnership-wide role) restricted whole as STAFF_CONNECTED, naming no one',
  'someone else’s emergency access':
    'an emergency access, expired, of another member of staff with a case role (finder.1, or finder.2 for finder.1) to a placed child of the actor’s authority (Kent, for a partnership-wide role)',
  'another panel': 'a panel the actor does not sit on',
  themselves: 'the actor’s own entry in the staff directory, or a role of theirs',
  'an active family finder': 'a member of staff, active, who holds the family finder role today, or that role',
  'an inactive family finder': 'a deactivated member of staff who still holds the family finder role today',
  'a former family finder': 'a member of staff whose family finder role ended yesterday',
  'staff of their authority':
    'a member of staff who holds a role for the actor’s authority today (for the partnership’s ADM, a role held for none), or that role',
  'staff of another authority': 'a member of staff who holds a role today for an authority the row names, not the actor’s, or that role',
  'a member of their panel': 'a member of staff who sits on the actor’s panel today, or that seat',
  'a member of another panel': 'a member of staff who sits on another panel today, or that seat',
} as const;
export type Scope = keyof typeof SCOPES;

export const TODAY = '2026-11-20';

/** An agenda window, by the meeting's date and the papers' release; papers close 7 days after the meeting. */
export const WINDOWS = {
  open: { meetingOn: '2026-11-18', papersReleasedOn: '2026-11-11' },
  upcoming: { meetingOn: '2026-11-25', papersReleasedOn: '2026-11-18' },
  unreleased: { meetingOn: '2026-12-02', papersReleasedOn: '2026-11-25' },
  closed: { meetingOn: '2026-11-05', papersReleasedOn: '2026-10-29' },
} as const;
type Window = keyof typeof WINDOWS;
export type PanelNumber = 1 | 2 | 3 | 4;

/** A case on the agenda of a panel's meeting, whose papers stand in a window. */
type Agenda = { panel: PanelNumber; window: Window };

/**
 * What must exist for a record to stand in a scope:
 * - a case: a child of `authority` allocated to `finder`, with its plan decision, placement order, a match with
 *   a household (PLACED: placed, then disrupted; PROPOSED: awaiting panel), on `agenda` if any (a MATCH item);
 * - a household at `stage` (dually approved if `earlyPermanence`), linked with no child, on `agenda` for its
 *   approval if any (an ADOPTER_APPROVAL item);
 *   a panel (its next meeting, its feedback, a member's declaration of interest in an item on that meeting's
 *   agenda); a panel's recommendation is on its item, once the meeting is held
 *   (for a decision maker's scopes, on an item of a panel they do not sit on);
 * - an emergency access (break-glass) of `holder`'s, expired, to a placed child of `authority` allocated to finder.2,
 *   restricted whole as `category` (by its ADM, naming no one) if any;
 * - a support request of `authority` with its assessment; an access-log event about a child of `authority`;
 * - the actor's own entry in the staff directory and their role (`self`), or a colleague's and their one role,
 *   held for `authority` or on `panel` on `days` (`staff`);
 *   or the partnership's aggregates and access log.
 */
export type Fixture =
  | {
      kind: 'case';
      authority: Authority;
      finder: 'finder.1' | 'finder.2';
      link: 'PLACED' | 'PROPOSED';
      agenda: Agenda | null;
    }
  | { kind: 'household'; stage: 'PANEL' | 'STAGE_2' | 'APPROVED'; agenda: Agenda | null; earlyPermanence?: true }
  | { kind: 'panel'; panel: PanelNumber }
  | { kind: 'support'; authority: Authority }
  | { kind: 'audit'; authority: Authority }
  | { kind: 'self'; actor: string }
  | { kind: 'restricted'; authority: Authority; category: 'HIGH_PROFILE' | 'ADOPTION'; naming: string | null }
  | { kind: 'emergency'; authority: Authority; holder: string; category: 'HIGH_PROFILE' | 'STAFF_CONNECTED' | null }
  | {
      kind: 'staff';
      role: Role;
      authority: Authority | null;
      panel: PanelNumber | null;
      active: boolean;
      days: 'today' | 'ended yesterday' | 'from tomorrow';
    }
  | { kind: 'partnership' };

const PANEL_SUBJECTS: SubjectType[] = ['Panel', 'PanelMeeting', 'ReportQualityFeedback', 'InterestDeclaration'];
const SUPPORT_SUBJECTS: SubjectType[] = ['SupportRequest', 'SupportAssessment'];
const PARTNERSHIP_SUBJECTS: SubjectType[] = ['BoardPerformance', 'PooledBudget', 'AuditEvent'];
const STAFF_SUBJECTS: SubjectType[] = ['StaffMember', 'RoleAssignment'];

/**
 * Where a recommendation stands for a decision maker: the panel heard the case and recommended, and its papers
 * have closed; the panel (panel 3) is one no demo member of staff sits on.
 */
const RECOMMENDED: Agenda = { panel: 3, window: 'closed' };

/** A household on its panel's agenda for approval: an item about the household alone. */
const APPROVAL_SCOPES: Partial<Record<Scope, Window>> = {
  'on an open approval agenda of their panel': 'open',
  'on an approval agenda whose papers are closed': 'closed',
};

const AGENDA_SCOPES: Partial<Record<Scope, { window: Window; otherPanel?: true }>> = {
  'on an open agenda of their panel': { window: 'open' },
  'on an agenda of their panel not yet held': { window: 'upcoming' },
  'on an agenda whose papers are not yet released': { window: 'unreleased' },
  'on an agenda whose papers are closed': { window: 'closed' },
  'on an open agenda of another panel': { window: 'open', otherPanel: true },
};

type Where = { actor: string; subject: SubjectType; scope: Scope; authority?: Authority };

/** The fixture that puts a record of `subject` in `scope` for `actor`. Throws on a scope that cannot apply. */
export function fixtureFor({ actor, subject, scope, authority }: Where): Fixture {
  const fail = (why: string): never => {
    throw new Error(`${actor}: ${subject} '${scope}' ${why}`);
  };
  const me = actorScope(actor);
  const mine = () => me.authority ?? fail('needs an actor with an authority');
  const named = () => authority ?? fail('needs the row to name the authority');
  const myPanel = () => me.panel ?? fail('needs an actor on a panel');

  const restricted = restrictedFixture(actor, scope, authority ?? me.authority ?? 'KENT');
  if (restricted) return restricted;
  const breakGlass = emergencyFixture(actor, scope, authority ?? me.authority ?? 'KENT');
  if (breakGlass) return breakGlass;
  if (subject === 'ChildRestriction') {
    const of = scope === 'own authority' ? mine() : scope === 'another authority' ? named() : (authority ?? 'KENT');
    return { kind: 'restricted', authority: of, category: 'HIGH_PROFILE', naming: null };
  }
  if (subject === 'EmergencyAccess') {
    const of = scope === 'own authority' ? mine() : scope === 'another authority' ? named() : (authority ?? 'KENT');
    return { kind: 'emergency', authority: of, holder: 'finder.1', category: null };
  }
  if (subject === 'AuditEvent' && scope === 'own authority') return { kind: 'audit', authority: mine() };
  if (subject === 'AuditEvent' && scope === 'another authority') return { kind: 'audit', authority: named() };
  if (STAFF_SUBJECTS.includes(subject)) return staffFixture(actor, scope, me, named, fail);
  if (PARTNERSHIP_SUBJECTS.includes(subject)) return { kind: 'partnership' };
  if (SUPPORT_SUBJECTS.includes(subject)) {
    if (scope === 'own authority') return { kind: 'support', authority: mine() };
    if (scope === 'another authority') return { kind: 'support', authority: named() };
    return { kind: 'support', authority: authority ?? 'KENT' };
  }
  const panelScope = scope === 'their panel' || scope === 'another panel';
  if (PANEL_SUBJECTS.includes(subject) || (subject === 'AgendaItem' && panelScope)) {
    if (scope === 'their panel') return { kind: 'panel', panel: myPanel() };
    if (scope === 'another panel') return { kind: 'panel', panel: otherPanel(myPanel()) };
    if (scope === 'partnership-wide') return { kind: 'panel', panel: 1 };
    return fail('does not apply to panel records');
  }
  const recommendation = subject === 'PanelRecommendationView';
  if (scope === 'in recruitment') return { kind: 'household', stage: 'STAGE_2', agenda: null };
  if (scope === 'dually approved carers') return { kind: 'household', stage: 'APPROVED', agenda: null, earlyPermanence: true };
  if (scope === 'awaiting panel' && subject !== 'Match') {
    return { kind: 'household', stage: 'PANEL', agenda: recommendation ? RECOMMENDED : null };
  }
  const approval = APPROVAL_SCOPES[scope];
  if (approval) return { kind: 'household', stage: 'PANEL', agenda: { panel: myPanel(), window: approval } };

  const fixture: Fixture = {
    kind: 'case',
    authority: authority ?? 'KENT',
    finder: 'finder.2',
    link: 'PLACED',
    agenda: null,
  };
  const agenda = AGENDA_SCOPES[scope];
  if (agenda) fixture.agenda = { panel: agenda.otherPanel ? otherPanel(myPanel()) : myPanel(), window: agenda.window };
  switch (scope) {
    case 'own authority':
    case 'proposed for a child of their authority':
      fixture.authority = mine();
      break;
    case 'another authority':
    case 'not proposed for a child of their authority':
      if (named() === me.authority) fail('names the actor’s own authority');
      fixture.authority = named();
      break;
    case 'allocated to them':
    case 'not allocated to them': {
      if (actor !== 'finder.1' && actor !== 'finder.2') return fail('needs a family finder');
      const other = actor === 'finder.1' ? 'finder.2' : 'finder.1';
      fixture.finder = scope === 'allocated to them' ? actor : other;
      break;
    }
    case 'awaiting panel':
      fixture.link = 'PROPOSED';
      break;
    case 'partnership-wide':
      if (subject === 'AgendaItem') fixture.agenda = { panel: 1, window: 'open' };
      break;
    case 'their panel':
    case 'another panel':
      return fail('applies to panel records only');
  }
  if (recommendation && !fixture.agenda) fixture.agenda = RECOMMENDED;
  return fixture;
}

/** The first role held in `scope` (src/authz/role-holding.ts), and where: for an authority, or for none. */
function heldIn(scope: (typeof ROLE_SCOPE)[Role], authority: Authority | null): { role: Role; authority: Authority | null } {
  const role = ROLES.find((r) => ROLE_SCOPE[r] === scope)!;
  return { role, authority: scope === 'AUTHORITY' ? authority : null };
}

/** A colleague holding one role (or the actor themselves) where `scope` puts them for the actor. */
function staffFixture(
  actor: string,
  scope: Scope,
  me: { authority: Authority | null; panel: PanelNumber | null },
  named: () => Authority,
  fail: (why: string) => never,
): Fixture {
  const colleague = { panel: null, active: true, days: 'today' } as const;
  const finder = { ...colleague, ...heldIn('PARTNERSHIP', null) };
  const seat = (panel: PanelNumber) => ({ ...colleague, ...heldIn('PANEL', null), panel });
  switch (scope) {
    case 'themselves':
      return { kind: 'self', actor };
    case 'an active family finder':
      return { kind: 'staff', ...finder };
    case 'an inactive family finder':
      return { kind: 'staff', ...finder, active: false };
    case 'a former family finder':
      return { kind: 'staff', ...finder, days: 'ended yesterday' };
    case 'staff of their authority':
      return { kind: 'staff', ...colleague, ...heldIn(me.authority ? 'AUTHORITY' : 'PARTNERSHIP', me.authority) };
    case 'staff of another authority':
      if (named() === me.authority) fail('names the actor’s own authority');
      return { kind: 'staff', ...colleague, ...heldIn('AUTHORITY', named()) };
    case 'a member of their panel':
      return { kind: 'staff', ...seat(me.panel ?? fail('needs an actor on a panel')) };
    case 'a member of another panel':
      return { kind: 'staff', ...seat(otherPanel(me.panel ?? 1)) };
    case 'partnership-wide':
      return { kind: 'staff', ...colleague, role: 'SUPPORT_WORKER', authority: null, days: 'from tomorrow' };
    default:
      return fail('does not apply to staff');
  }
}

/** A child restricted whole, naming the actor or not, or sealed at the adoption order: the scopes that say so. */
function restrictedFixture(actor: string, scope: Scope, authority: Authority): Fixture | null {
  switch (scope) {
    case 'restricted, naming them':
      return { kind: 'restricted', authority, category: 'HIGH_PROFILE', naming: actor };
    case 'restricted, naming others':
      return { kind: 'restricted', authority, category: 'HIGH_PROFILE', naming: null };
    case 'sealed at the adoption order':
      return { kind: 'restricted', authority, category: 'ADOPTION', naming: null };
    default:
      return null;
  }
}

/** An emergency access of the actor's own, or of someone else's: the scopes that say so. */
function emergencyFixture(actor: string, scope: Scope, authority: Authority): Fixture | null {
  const own = { kind: 'emergency', authority, holder: actor } as const;
  switch (scope) {
    case 'their emergency access to a child out of their reach':
      if (authority === actorScope(actor).authority) throw new Error(`${actor}: '${scope}' needs the row to name another authority`);
      return { ...own, category: null };
    case 'their emergency access to a child restricted to others':
      return { ...own, category: 'HIGH_PROFILE' };
    case 'their emergency access to a child restricted as STAFF_CONNECTED':
      return { ...own, category: 'STAFF_CONNECTED' };
    case 'someone else’s emergency access':
      return { ...own, holder: actor === 'finder.1' ? 'finder.2' : 'finder.1', category: null };
    default:
      return null;
  }
}

/** A stable key: fixtures with equal keys are one record. */
export function fixtureKey(fixture: Fixture): string {
  return JSON.stringify(fixture);
}

function panelNumberOf(panelId: string): PanelNumber {
  return (DEMO_PANEL_IDS.indexOf(panelId as (typeof DEMO_PANEL_IDS)[number]) + 1) as PanelNumber;
}

function actorScope(username: string): { authority: Authority | null; panel: PanelNumber | null } {
  const [assignment] = demoStaff(username).assignments;
  return { authority: assignment!.authority, panel: assignment!.panelId ? panelNumberOf(assignment!.panelId) : null };
}

function otherPanel(panel: PanelNumber): PanelNumber {
  return panel === 1 ? 2 : 1;
}
