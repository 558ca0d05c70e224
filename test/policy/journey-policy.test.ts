import { defineAbilityFor } from '../../src/authz/define-ability';
import { NO_FACTS, scopeFacts } from '../../src/authz/facts';
import type { Action } from '../../src/authz/vocabulary';
import { AllocationRecord } from '../../src/children/allocation.entity';
import { ChildRecord } from '../../src/children/child.entity';
import { PlacementOrderRecord } from '../../src/children/placement-order.entity';
import { ChildDecisionRecord } from '../../src/decisions/child-decision.entity';
import { HouseholdDecisionRecord } from '../../src/decisions/household-decision.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MatchRecord } from '../../src/matching/match.entity';
import { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { PanelMeetingRecord } from '../../src/panels/panel-meeting.entity';
import { ReportQualityFeedbackRecord } from '../../src/panels/report-quality-feedback.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import { DEMO_PANEL_IDS } from '../../seeds/demo-staff';
import { actorOf } from '../helpers/actors';

/**
 * The journey's policy as tables, written by hand from domain.md ("Who records what", "The roles",
 * "Panels") — never computed from src/authz. Today is 2026-11-20.
 */
const NOW = new Date('2026-11-20T12:00:00Z');
const [PANEL_1, PANEL_2] = DEMO_PANEL_IDS;
const ALLOCATED = '00000000-0000-4000-8000-00000000a110';
const ON_AGENDA = '00000000-0000-4000-8000-0000000a6e0d';
const OTHER = '00000000-0000-4000-8000-000000000c01';
const PROPOSED_HOUSEHOLD = '00000000-0000-4000-8000-0000000b0001';
const OTHER_HOUSEHOLD = '00000000-0000-4000-8000-0000000b0002';
const AGENDA_MATCH = '00000000-0000-4000-8000-0000000c0001';
const FACTS = scopeFacts(
  [{ id: '00000000-0000-4000-8000-00000000a111', childId: ALLOCATED }],
  [{ id: '00000000-0000-4000-8000-00000000a6e1', childId: ON_AGENDA, householdId: PROPOSED_HOUSEHOLD, matchId: AGENDA_MATCH }],
  [PROPOSED_HOUSEHOLD],
);

const make = <T extends object>(Type: new () => T, fields: Partial<T>): T => Object.assign(new Type(), fields);
const child = (authority: ChildRecord['authority'], id = OTHER) => make(ChildRecord, { id, authority });
const household = (id = OTHER_HOUSEHOLD, stage: HouseholdRecord['stage'] = 'APPROVED') => make(HouseholdRecord, { id, stage });
const match = (authority: MatchRecord['authority'], fields: Partial<MatchRecord> = {}) =>
  make(MatchRecord, { id: OTHER, authority, childId: OTHER, status: 'RECOMMENDED', ...fields });
/** An agenda item of `panelId` for a meeting on `meetingOn` (papers released 7 days before; they close 7 days after). */
const item = (panelId: string, meetingOn: string, papersReleasedOn: string, windowClosesOn: string) =>
  make(AgendaItemRecord, { panelId, meetingOn, papersReleasedOn, windowClosesOn });
const OPEN_ITEM = item(PANEL_1, '2026-11-18', '2026-11-11', '2026-11-25');
const CLOSED_ITEM = item(PANEL_1, '2026-11-05', '2026-10-29', '2026-11-12');
const FUTURE_ITEM = item(PANEL_1, '2026-11-25', '2026-11-18', '2026-12-02');

type Row = [rule: string, username: string, action: Action, subject: object, allowed: boolean];

const CHILD_JOURNEY: Row[] = [
  ['a Kent ADM decides a Kent child’s adoption plan', 'adm.kent', 'decide', child('KENT'), true],
  ['a Kent ADM cannot decide a Medway child’s adoption plan', 'adm.kent', 'decide', child('MEDWAY'), false],
  ['a Kent ADM cannot record a Kent child’s milestones', 'adm.kent', 'record', child('KENT'), false],
  ['a Kent PPM lead records a Kent child’s milestones', 'ppm.kent', 'record', child('KENT'), true],
  ['a Kent PPM lead cannot record a Bexley child’s milestones', 'ppm.kent', 'record', child('BEXLEY'), false],
  ['a Kent PPM lead cannot decide a Kent child’s adoption plan', 'ppm.kent', 'decide', child('KENT'), false],
  ['a family finder proposes a match for a child allocated to them', 'finder.1', 'propose', child('MEDWAY', ALLOCATED), true],
  ['a family finder cannot propose a match for a child not allocated to them', 'finder.1', 'propose', child('MEDWAY'), false],
  ['a family finder cannot record a milestone', 'finder.1', 'record', child('MEDWAY', ALLOCATED), false],
  ['a PPM lead cannot propose a match', 'ppm.medway', 'propose', child('MEDWAY'), false],
  ['a panel member cannot decide anything about a child', 'panel.1', 'decide', child('KENT', ON_AGENDA), false],
  ['the partnership ADM cannot decide a child’s adoption plan', 'adm.raa', 'decide', child('KENT'), false],
];

const CHILD_RECORDS: Row[] = [
  ['a Kent ADM reads a Kent child’s decisions', 'adm.kent', 'read', make(ChildDecisionRecord, { authority: 'KENT', childId: OTHER }), true],
  ['a Kent ADM cannot read a Medway child’s decisions', 'adm.kent', 'read', make(ChildDecisionRecord, { authority: 'MEDWAY', childId: OTHER }), false],
  ['a Bexley PPM lead reads a Bexley placement order', 'ppm.bexley', 'read', make(PlacementOrderRecord, { authority: 'BEXLEY', childId: OTHER }), true],
  ['a family finder reads the allocations of a child allocated to them', 'finder.2', 'read', make(AllocationRecord, { authority: 'KENT', childId: ALLOCATED }), true],
  ['a family finder cannot read another child’s placement order', 'finder.2', 'read', make(PlacementOrderRecord, { authority: 'KENT', childId: OTHER }), false],
  ['a board director cannot read any decision', 'board.kent', 'read', make(ChildDecisionRecord, { authority: 'KENT', childId: OTHER }), false],
  ['a support worker cannot read an adoption decision', 'support.1', 'read', make(ChildDecisionRecord, { authority: 'KENT', childId: OTHER }), false],
];

const MATCHES: Row[] = [
  ['a Kent ADM decides a Kent match', 'adm.kent', 'decide', match('KENT'), true],
  ['a Kent ADM cannot decide a Medway match', 'adm.kent', 'decide', match('MEDWAY'), false],
  ['a Kent PPM lead cannot decide a Kent match', 'ppm.kent', 'decide', match('KENT'), false],
  ['a family finder reads the match of a child allocated to them', 'finder.1', 'read', match('BEXLEY', { childId: ALLOCATED }), true],
  ['a panel member reads a match on an open agenda', 'panel.1', 'read', match('KENT', { id: AGENDA_MATCH }), true],
  ['a panel member cannot read a match on no open agenda', 'panel.1', 'read', match('KENT'), false],
  ['a panel adviser reads a proposed match, to schedule it', 'adviser.1', 'read', match('KENT', { status: 'PROPOSED' }), true],
  ['a panel adviser cannot read a match already decided', 'adviser.1', 'read', match('KENT', { status: 'APPROVED' }), false],
];

const HOUSEHOLDS: Row[] = [
  ['a family finder reads any household', 'finder.2', 'read', household(), true],
  ['a family finder records a household', 'finder.2', 'create', new HouseholdRecord(), true],
  ['a family finder advances any household', 'finder.2', 'update', household(), true],
  ['a family finder cannot approve a household', 'finder.2', 'approve', household(), false],
  ['the partnership ADM reads any household', 'adm.raa', 'read', household(), true],
  ['the partnership ADM approves households', 'adm.raa', 'approve', household(OTHER_HOUSEHOLD, 'PANEL'), true],
  ['the partnership ADM does not record households', 'adm.raa', 'create', new HouseholdRecord(), false],
  ['a Kent ADM reads a household proposed for a Kent child', 'adm.kent', 'read', household(PROPOSED_HOUSEHOLD), true],
  ['a Kent ADM cannot read a household not proposed for a Kent child', 'adm.kent', 'read', household(), false],
  ['a Kent ADM cannot approve a household', 'adm.kent', 'approve', household(PROPOSED_HOUSEHOLD), false],
  ['a Medway PPM lead reads a household proposed for a Medway child', 'ppm.medway', 'read', household(PROPOSED_HOUSEHOLD), true],
  ['a panel member reads a household on an open agenda', 'panel.2', 'read', household(PROPOSED_HOUSEHOLD), true],
  ['a panel member cannot read a household on no open agenda', 'panel.2', 'read', household(), false],
  ['a board director cannot read a household', 'board.medway', 'read', household(), false],
  ['a support worker cannot read a household', 'support.1', 'read', household(), false],
  ['an auditor cannot read a household', 'auditor.1', 'read', household(), false],
  ['the partnership ADM reads household decisions', 'adm.raa', 'read', make(HouseholdDecisionRecord, { householdId: OTHER_HOUSEHOLD }), true],
];

const PANELS: Row[] = [
  ['a panel member reads their panel’s meetings', 'panel.2', 'read', make(PanelMeetingRecord, { panelId: PANEL_2 }), true],
  ['a panel member cannot read another panel’s meetings', 'panel.2', 'read', make(PanelMeetingRecord, { panelId: PANEL_1 }), false],
  ['the adviser schedules items on their panel’s agendas', 'adviser.1', 'create', item(PANEL_1, '2026-12-02', '2026-11-25', '2026-12-09'), true],
  ['the adviser cannot schedule items on another panel’s agendas', 'adviser.2', 'create', item(PANEL_1, '2026-12-02', '2026-11-25', '2026-12-09'), false],
  ['a chair cannot schedule agenda items', 'panel.1', 'create', item(PANEL_1, '2026-12-02', '2026-11-25', '2026-12-09'), false],
  ['the chair reads an item while its papers are open', 'panel.1', 'read', OPEN_ITEM, true],
  ['a member cannot read an item before its papers are released', 'panel.2', 'read', item(PANEL_2, '2026-12-02', '2026-11-25', '2026-12-09'), false],
  ['the chair reads every item of their panel, also after its papers close', 'panel.1', 'read', CLOSED_ITEM, true],
  ['a member cannot read an item after its papers close', 'panel.2', 'read', item(PANEL_2, '2026-11-05', '2026-10-29', '2026-11-12'), false],
  ['the adviser reads every item of their panel, open or not', 'adviser.1', 'read', CLOSED_ITEM, true],
  ['the chair recommends from the meeting until the papers close', 'panel.1', 'recommend', OPEN_ITEM, true],
  ['the vice chair recommends too', 'vicechair.1', 'recommend', OPEN_ITEM, true],
  ['the chair cannot recommend before the meeting', 'panel.1', 'recommend', FUTURE_ITEM, false],
  ['the chair cannot recommend after the papers close', 'panel.1', 'recommend', CLOSED_ITEM, false],
  ['a chair cannot recommend on another panel’s item', 'chair.2', 'recommend', OPEN_ITEM, false],
  ['a panel member who is not chair cannot recommend', 'panel.2', 'recommend', item(PANEL_2, '2026-11-18', '2026-11-11', '2026-11-25'), false],
  ['the adviser cannot recommend', 'adviser.1', 'recommend', OPEN_ITEM, false],
  ['the chair records report-quality feedback for their panel', 'panel.1', 'create', make(ReportQualityFeedbackRecord, { panelId: PANEL_1 }), true],
  ['a member cannot record report-quality feedback', 'panel.2', 'create', make(ReportQualityFeedbackRecord, { panelId: PANEL_2 }), false],
  ['the partnership ADM reads report-quality feedback', 'adm.raa', 'read', make(ReportQualityFeedbackRecord, { panelId: PANEL_2 }), true],
];

const SUPPORT: Row[] = [
  ['a support worker records a support request of any authority', 'support.1', 'create', make(SupportRequestRecord, { authority: 'MEDWAY' }), true],
  ['a support worker reads support requests', 'support.1', 'read', make(SupportRequestRecord, { authority: 'BEXLEY' }), true],
  ['a Kent ADM cannot read support requests', 'adm.kent', 'read', make(SupportRequestRecord, { authority: 'KENT' }), false],
  ['a Kent PPM lead cannot record a support request', 'ppm.kent', 'create', make(SupportRequestRecord, { authority: 'KENT' }), false],
  ['a board director cannot read a support request', 'board.bexley', 'read', make(SupportRequestRecord, { authority: 'BEXLEY' }), false],
];

describe.each([
  ['the child’s journey', CHILD_JOURNEY],
  ['records that hang off a child', CHILD_RECORDS],
  ['matches', MATCHES],
  ['households', HOUSEHOLDS],
  ['panels', PANELS],
  ['adoption support', SUPPORT],
])('%s', (_area, rows) => {
  it.each(rows)('%s', (_rule, username, action, subject, allowed) => {
    expect(defineAbilityFor(actorOf(username), FACTS, NOW).can(action, subject)).toBe(allowed);
  });
});

it('with no facts, a family finder, a panel member and an authority ADM see no household beyond their role', () => {
  expect(defineAbilityFor(actorOf('adm.kent'), NO_FACTS, NOW).can('read', household(PROPOSED_HOUSEHOLD))).toBe(false);
  expect(defineAbilityFor(actorOf('panel.1'), NO_FACTS, NOW).can('read', household(PROPOSED_HOUSEHOLD))).toBe(false);
});
