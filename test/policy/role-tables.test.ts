import { subject as tagged } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { DEMO_PANEL_IDS, demoStaff } from '../../seeds/demo-staff';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { scopeFacts, type ScopeFacts } from '../../src/authz/facts';
import { allFieldsOf, FIELD_CLASSES, type GuardedSubject } from '../../src/authz/field-classes';
import { refusalReason } from '../../src/access/refusals';
import { SUBJECT_TYPES, type SubjectType } from '../../src/authz/vocabulary';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { ChildRecord } from '../../src/journey/child.entity';
import { ChildRestrictionRecord } from '../../src/journey/child-restriction.entity';
import { EmergencyAccessRecord } from '../../src/journey/emergency-access.entity';
import { DisruptionRecord } from '../../src/journey/disruption.entity';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { PlacementRecord } from '../../src/journey/placement.entity';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../../src/households/household-decision.entity';
import { HouseholdStageEventRecord } from '../../src/households/household-stage-event.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { PanelMeetingRecord } from '../../src/panels/panel-meeting.entity';
import { PanelRecord } from '../../src/panels/panel.entity';
import { ReportQualityFeedbackRecord } from '../../src/panels/report-quality-feedback.entity';
import { InterestDeclarationRecord } from '../../src/panels/interest-declaration.entity';
import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import { AuditEventRecord } from '../../src/audit/audit-event.entity';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { StaffDirectoryEntryRecord } from '../../src/staff/staff-directory-entry.entity';
import { directoryScopeOf } from '../../src/authz/role-holding';
import type { RoleAssignment } from '../../src/authz/actor';
import { actorOf } from '../helpers/actors';
import {
  ALL_ROWS,
  checksOf,
  FIRST_NAME_AND_AGE,
  fixtureFor,
  fixtureKey,
  reasonOf,
  ROLE_TABLES,
  seesOf,
  TODAY,
  WINDOWS,
  type Check,
  type FieldView,
  type Fixture,
} from './expectations';

/**
 * The ability, row by row of the role tables (test/policy/expectations): each row's record is built for its
 * scope in an in-memory world, the actor's facts are what that world gives them (their allocations, the open
 * agendas of their panels), and `can()`, the refusal
 * reason and the readable field classes must be what the row says.
 */
const CHECKS = ALL_ROWS.flatMap(checksOf);

type Records = Partial<Record<SubjectType, object>>;
type CaseFixture = Extract<Fixture, { kind: 'case' }>;
type StaffFixture = Extract<Fixture, { kind: 'staff' }>;
type Agenda = NonNullable<CaseFixture['agenda']>;

let sequence = 0;
const newId = () => `00000000-0000-4000-8000-${(sequence += 1).toString(16).padStart(12, '0')}`;
const panelId = (panel: number) => DEMO_PANEL_IDS[panel - 1]!;
const staffId = (username: string) => demoStaff(username).id;
const make = <T extends object>(Type: new () => T, fields: Partial<T>): T => Object.assign(new Type(), fields);

/** A record of a household, carrying the household itself: conditions may test it (`household.proposedFor`). */
const ofHousehold = <T extends { householdId: string }>(record: T, household: HouseholdRecord): T =>
  Object.assign(record, { householdId: household.id, household });

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A child with its records, a match with a household, and the agenda item the match is on, if any. */
function caseRecords({ authority, finder, link, agenda }: CaseFixture): Records {
  const childId = newId();
  const householdId = newId();
  const matchId = newId();
  const placementId = newId();
  const ofChild = { authority, childId };
  const household = make(HouseholdRecord, { id: householdId, stage: link === 'PLACED' ? 'PLACED' : 'APPROVED', proposedFor: [authority] });
  const records: Records = {
    Child: make(ChildRecord, { id: childId, authority }),
    ChildDecision: make(ChildDecisionRecord, { id: newId(), ...ofChild, kind: 'ADOPTION_PLAN' }),
    Allocation: make(AllocationRecord, { id: newId(), ...ofChild, familyFinderId: staffId(finder), endedOn: null }),
    PlacementOrder: make(PlacementOrderRecord, { id: newId(), ...ofChild }),
    Match: make(MatchRecord, { id: matchId, ...ofChild, householdId, status: link }),
    // The match proposed the household for the child's authority (the database keeps proposedFor).
    Household: household,
    HouseholdDecision: ofHousehold(make(HouseholdDecisionRecord, { id: newId() }), household),
    HouseholdStageEvent: ofHousehold(make(HouseholdStageEventRecord, { id: newId() }), household),
  };
  if (link === 'PLACED') {
    records.Placement = make(PlacementRecord, { id: placementId, ...ofChild, householdId, matchId });
    records.Disruption = make(DisruptionRecord, { id: newId(), ...ofChild, placementId });
  }
  if (agenda) records.AgendaItem = agendaItem(agenda, { kind: 'MATCH', childId, childAuthority: authority, householdId, matchId });
  return records;
}

/** A restricted (or sealed) child with its records, each carrying the child: conditions test `child.restrictionCategory`. */
function restrictedRecords({ authority, category, naming }: Extract<Fixture, { kind: 'restricted' }>): Records {
  const child = make(ChildRecord, { id: newId(), authority, restrictionCategory: category });
  const ofChild = { authority, childId: child.id, child };
  return {
    Child: child,
    ChildRestriction: make(ChildRestrictionRecord, {
      id: newId(),
      childId: child.id,
      authority,
      category,
      allowedStaffIds: naming ? [staffId(naming)] : [],
    }),
    ChildDecision: make(ChildDecisionRecord, { id: newId(), ...ofChild }),
    Allocation: make(AllocationRecord, { id: newId(), ...ofChild, familyFinderId: staffId('finder.2'), endedOn: null }),
    PlacementOrder: make(PlacementOrderRecord, { id: newId(), ...ofChild }),
    Match: make(MatchRecord, { id: newId(), ...ofChild, status: 'PLACED' }),
    Placement: make(PlacementRecord, { id: newId(), ...ofChild }),
    Disruption: make(DisruptionRecord, { id: newId(), ...ofChild }),
  };
}

/**
 * A member of staff's entry in the directory, as the view shows it today, and one of their roles: the actor's own,
 * or a colleague's one role, which holds today only if its days say so.
 */
function staffRecords(id: string, assignment: RoleAssignment, active: boolean, holdsToday: boolean): Records {
  const live = holdsToday ? [assignment] : [];
  return {
    StaffMember: make(StaffDirectoryEntryRecord, {
      id,
      active,
      liveRoles: live.map((a) => a.role),
      liveScopes: live.map((a) => directoryScopeOf(a.authority)),
      livePanelIds: live.flatMap((a) => (a.panelId ? [a.panelId] : [])),
    }),
    RoleAssignment: make(RoleAssignmentRecord, { id: newId(), staffId: id, ...assignment }),
  };
}

function colleagueRecords({ role, authority, panel, active, days }: StaffFixture): Records {
  const assignment = { role, authority, panelId: panel && panelId(panel), panelRole: panel ? ('MEMBER' as const) : null };
  return staffRecords(newId(), assignment, active, days === 'today');
}

/** The item a case is on: its panel's, in its window; the chair has recommended once the meeting is held. */
function agendaItem(agenda: Agenda, about: Partial<AgendaItemRecord>): AgendaItemRecord {
  const { meetingOn, papersReleasedOn } = WINDOWS[agenda.window];
  const held = meetingOn <= TODAY;
  return make(AgendaItemRecord, {
    id: newId(),
    panelId: panelId(agenda.panel),
    meetingOn,
    papersReleasedOn,
    windowClosesOn: addDays(meetingOn, 7),
    recommendation: held ? 'POSITIVE' : null,
    reasons: held ? 'the panel’s reasons' : null,
    ...about,
  });
}

function recordsOf(fixture: Fixture): Records {
  switch (fixture.kind) {
    case 'case':
      return caseRecords(fixture);
    case 'household': {
      const household = make(HouseholdRecord, {
        id: newId(),
        stage: fixture.stage,
        earlyPermanence: fixture.earlyPermanence ?? false,
        proposedFor: [],
      });
      const records: Records = {
        Household: household,
        HouseholdStageEvent: ofHousehold(make(HouseholdStageEventRecord, { id: newId() }), household),
      };
      if (fixture.agenda) {
        const about = { kind: 'ADOPTER_APPROVAL' as const, childId: null, childAuthority: null, householdId: household.id, matchId: null };
        records.AgendaItem = agendaItem(fixture.agenda, about);
      }
      return records;
    }
    case 'panel': {
      const ofPanel = { panelId: panelId(fixture.panel) };
      const { meetingOn, papersReleasedOn } = WINDOWS.upcoming;
      const meeting = make(PanelMeetingRecord, { id: newId(), ...ofPanel, meetingOn, papersReleasedOn });
      const itemId = newId();
      return {
        Panel: make(PanelRecord, { id: ofPanel.panelId }),
        PanelMeeting: meeting,
        ReportQualityFeedback: make(ReportQualityFeedbackRecord, { id: newId(), ...ofPanel }),
        AgendaItem: make(AgendaItemRecord, {
          id: itemId,
          ...ofPanel,
          meetingId: meeting.id,
          meetingOn,
          papersReleasedOn,
          windowClosesOn: addDays(meetingOn, 7),
        }),
        InterestDeclaration: make(InterestDeclarationRecord, { id: newId(), ...ofPanel, agendaItemId: itemId, childAuthority: null }),
      };
    }
    case 'support': {
      const request = make(SupportRequestRecord, { id: newId(), authority: fixture.authority });
      const assessment = { id: newId(), supportRequestId: request.id, authority: fixture.authority };
      return { SupportRequest: request, SupportAssessment: make(SupportAssessmentRecord, assessment) };
    }
    case 'audit':
      return { AuditEvent: make(AuditEventRecord, { id: newId(), authorities: [fixture.authority] }) };
    case 'self': {
      const { id, assignments } = demoStaff(fixture.actor);
      return staffRecords(id, assignments[0]!, true, true);
    }
    case 'staff':
      return colleagueRecords(fixture);
    case 'restricted':
      return restrictedRecords(fixture);
    case 'emergency':
      return {
        EmergencyAccess: make(EmergencyAccessRecord, {
          id: newId(),
          childId: newId(),
          authority: fixture.authority,
          staffId: staffId(fixture.holder),
          childRestrictionCategory: fixture.category,
        }),
      };
    case 'partnership':
      return {
        BoardPerformance: tagged('BoardPerformance', {}),
        PooledBudget: tagged('PooledBudget', {}),
        AuditEvent: make(AuditEventRecord, { id: newId() }),
      };
  }
}

/** What a decision maker reads of an agenda item: the item, seen as the panel's recommendation on it. */
function withRecommendation(records: Records): Records {
  if (records.AgendaItem) records.PanelRecommendationView = tagged('PanelRecommendationView', { ...records.AgendaItem });
  return records;
}

/** The world: one set of records for each fixture any check needs. */
const WORLD = new Map<string, { fixture: Fixture; records: Records }>();
const where = ({ row, scope }: Check) => ({ actor: row.actor, subject: row.subject, scope, authority: row.authority });
for (const check of CHECKS) {
  const fixture = fixtureFor(where(check));
  const key = fixtureKey(fixture);
  if (!WORLD.has(key)) WORLD.set(key, { fixture, records: withRecommendation(recordsOf(fixture)) });
}

/** What the facts loader gives `username` in this world, in docs/domain.md's terms. */
function factsIn(username: string): ScopeFacts {
  const { assignments } = demoStaff(username);
  const onAgendas = [...WORLD.values()].filter(({ fixture }) => fixture.kind === 'case' || fixture.kind === 'household');
  const isFinder = assignments.some((a) => a.role === 'FAMILY_FINDER');
  const panels = assignments.flatMap((a) => (a.panelId ? [a.panelId] : []));
  // A restricted child is allocated to finder.2 too; the adoption order ended the allocation of a sealed one.
  const finderOf = (fixture: Fixture) =>
    fixture.kind === 'case' ? fixture.finder : fixture.kind === 'restricted' && fixture.category !== 'ADOPTION' ? 'finder.2' : null;
  const allocations = [...WORLD.values()]
    .filter(({ fixture }) => isFinder && finderOf(fixture) === username)
    .map(({ records }) => records.Allocation as AllocationRecord)
    .map(({ id, childId }) => ({ id, childId }));
  const openItems = onAgendas
    .map(({ records }) => records.AgendaItem as AgendaItemRecord | undefined)
    .filter((item): item is AgendaItemRecord => !!item && panels.includes(item.panelId))
    .filter((item) => item.papersReleasedOn <= TODAY && TODAY <= item.windowClosesOn)
    .map(({ id, kind, childId, householdId, matchId }) => ({ id, kind, childId, householdId, matchId }));
  const named = [...WORLD.values()].flatMap(({ fixture, records }) =>
    fixture.kind === 'restricted' && fixture.naming === username ? [(records.Child as ChildRecord).id] : [],
  );
  return scopeFacts(allocations, openItems, [], [], named);
}

function fieldsOf(subject: GuardedSubject, views: FieldView[]): string[] {
  return views.flatMap((view) => (view === 'first name and age' ? FIRST_NAME_AND_AGE[subject] : FIELD_CLASSES[subject][view]));
}

const sorted = (fields: Iterable<string>) => [...fields].sort();
const isGuarded = (subject: SubjectType): subject is GuardedSubject => subject === 'Child' || subject === 'Household';

describe.each(ROLE_TABLES)('$role', ({ rows }) => {
  it.each(rows.flatMap(checksOf))('$name', (check) => {
    const { row, allowed } = check;
    const record = WORLD.get(fixtureKey(fixtureFor(where(check))))!.records[row.subject];
    if (!record) throw new Error(`no ${row.subject} in the fixture of '${row.rule}'`);
    const ability = defineAbilityFor(actorOf(row.actor), factsIn(row.actor), TODAY);

    expect(ability.can(row.action, record)).toBe(allowed);
    const reason = reasonOf(row);
    if (!allowed && reason) expect(refusalReason(ability, row.action, record)).toBe(reason);
    if (row.action === 'read' && isGuarded(row.subject)) {
      const subject = row.subject;
      const sees = seesOf(row);
      if (allowed && !sees) throw new Error(`'${row.rule}' must name the field classes it sees`);
      const all = allFieldsOf(subject);
      const permitted = permittedFieldsOf(ability, 'read', record, { fieldsFrom: (rule) => rule.fields ?? all });
      expect(sorted(permitted)).toEqual(sorted(allowed ? fieldsOf(subject, sees!) : []));
    }
  });
});

describe('the role tables', () => {
  it.each(ROLE_TABLES)('$role has a read row for every subject', ({ rows }) => {
    const read = new Set(rows.filter((row) => row.action === 'read').map((row) => row.subject));
    expect(SUBJECT_TYPES.filter((subject) => !read.has(subject))).toEqual([]);
  });

  it('name each rule once', () => {
    const names = CHECKS.map((check) => check.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('give each check an id of its own, which the policy evidence cites', () => {
    const ids = CHECKS.map((check) => check.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
