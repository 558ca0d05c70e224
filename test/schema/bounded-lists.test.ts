import 'reflect-metadata';
import { getNullableType, isListType, isObjectType } from 'graphql';
import { buildApiSchema } from '../../src/app/schema';

/**
 * Every list the API returns is bounded: a paginated connection's page, a list capped by its arguments, or
 * a list bounded by one record or by the calendar. A list that grew with the data would let one request
 * read without limit; a new list field fails here until its bound is stated.
 */
const BOUNDS: Record<string, string> = {
  'Query.pooledBudget': 'one a financial year since the partnership began',
  'Query.panels': 'the four adoption panels',
  'AuditEventConnection.edges': 'a page: at most 100',
  'ChildConnection.edges': 'a page: at most 100',
  'ChildConnection.countsByStage': 'one a child stage',
  'ChildRestrictionConnection.edges': 'a page: at most 100',
  'EmergencyAccessConnection.edges': 'a page: at most 100',
  'HouseholdConnection.edges': 'a page: at most 100',
  'WorkItemConnection.edges': 'a page: at most 100',
  'WorkItemConnection.countsByKind': 'one count a kind of work',
  'StaffMemberConnection.edges': 'a page: at most 100',
  'StaffMember.assignments': 'one member of staff’s assignments that have not ended',
  'MatchConnection.edges': 'a page: at most 100',
  'SupportRequestConnection.edges': 'a page: at most 100',
  'AuditEvent.subjectIds': 'the records one request read of one kind, with the same fields and fact',
  'AuditEvent.fields': 'the fields of one record',
  'AuditEvent.authorities': 'the three partner authorities',
  'BoardPerformance.byAuthority': 'the months of the period (at most 120) × three authorities',
  'BoardPerformance.partnership': 'the months of the period (at most 120)',
  'BoardPerformance.childrenWaiting': 'three authorities and the partnership',
  'BoardPerformance.timeliness': 'three authorities and the partnership',
  'BoardPerformance.childrenWaitingBy': 'the categories of one characteristic × four scopes',
  'PooledBudgetYear.authorities': 'the three partner authorities',
  'Child.redactedFields': 'the fields of a child',
  'Child.decisions': 'one child’s decisions',
  'Child.placements': 'one child’s placements',
  'Child.matches': 'one child’s matches',
  'Child.disruptions': 'one child’s disruptions',
  'Household.applicants': 'one or two applicants',
  'Household.applicantFirstNames': 'one or two applicants',
  'Household.applicantAges': 'one or two applicants',
  'Household.needsTheyCanMeet': 'the needs of one household',
  'Household.redactedFields': 'the fields of a household',
  'Household.stageHistory': 'one household’s journey',
  'Household.decisions': 'one household’s approval decisions',
  'Household.proposedFor': 'the three authorities at most',
  'Panel.meetings': 'a span of at most 366 days (about 52 meetings)',
  'Panel.reportQualityFeedback': 'two a year for one panel',
  'PanelMeeting.agendaItems': 'one meeting’s agenda',
  'AgendaItem.declarations': 'one per member of one panel at most',
  'ChildRestriction.allowedStaffIds': 'at most 50 named staff (MAX_NAMED_STAFF, and a database check)',
  'Staff.roles': 'one member of staff’s assignments',
  'Staff.assignments': 'one member of staff’s assignments that have not ended',
  ...Object.fromEntries(
    ['Child', 'ChildDecision', 'PlacementOrder', 'Placement', 'Disruption', 'Match', 'Household', 'HouseholdDecision', 'HouseholdStageEvent', 'AgendaItem'].map(
      (type) => [`${type}.viewerFacts`, 'the kinds of fact of a caseload (ViewerFact)'],
    ),
  ),
};

it('every list the schema returns has a stated bound', async () => {
  const schema = await buildApiSchema();
  const lists: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (isListType(getNullableType(field.type))) lists.push(`${type.name}.${field.name}`);
  }
  expect(lists.filter((list) => !BOUNDS[list])).toEqual([]);
});
