import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { isEnumType, isIntrospectionType, isSpecifiedScalarType, lexicographicSortSchema, printType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver';
import { guardRelations } from '../access/relation-guard';
import { logSensitiveReads } from '../audit/sensitive-reads';
import { BoardResolver } from '../board/board.resolver';
import { ChildResolver } from '../journey/child.resolver';
import { HouseholdResolver } from '../households/household.resolver';
import { AdvanceHouseholdStageStep } from '../households/steps/advance-household-stage';
import { CreateHouseholdStep } from '../households/steps/create-household';
import { DecideHouseholdApprovalStep } from '../households/steps/decide-household-approval';
import { WithdrawHouseholdStep } from '../households/steps/withdraw-household';
import { MatchResolver } from '../journey/match.resolver';
import { ChildDecisionLinksResolver, PlacementLinksResolver } from '../journey/journey-links.resolver';
import { AllocateFamilyFinderStep } from '../journey/steps/allocate-family-finder';
import { CreateChildStep } from '../journey/steps/create-child';
import { ProposeMatchStep } from '../journey/steps/propose-match';
import { RecordAdoptionOrderStep } from '../journey/steps/record-adoption-order';
import { RecordAdoptionPlanDecisionStep } from '../journey/steps/record-adoption-plan-decision';
import { RecordDisruptionStep } from '../journey/steps/record-disruption';
import { RecordEarlyPermanencePlacementStep } from '../journey/steps/record-early-permanence-placement';
import { RecordMatchDecisionStep } from '../journey/steps/record-match-decision';
import { RecordPlacementStep } from '../journey/steps/record-placement';
import { RecordPlacementOrderStep } from '../journey/steps/record-placement-order';
import { RecordPlanChangeStep } from '../journey/steps/record-plan-change';
import { UpdateChildStep } from '../journey/steps/update-child';
import { AgendaItemResolver, PanelMeetingResolver, PanelResolver } from '../panels/panel.resolver';
import { MeResolver } from '../staff/me.resolver';
import { NodeResolver } from './node.resolver';
import { StaffResolver } from '../staff/staff.resolver';
import { CreateStaffMemberStep } from '../staff/steps/create-staff-member';
import { DeactivateStaffMemberStep } from '../staff/steps/deactivate-staff-member';
import { DelegateRoleStep } from '../staff/steps/delegate-role';
import { EndRoleStep } from '../staff/steps/end-role';
import { GrantRoleStep } from '../staff/steps/grant-role';
import { DeclareInterestStep } from '../panels/steps/declare-interest';
import { RestrictRecordStep } from '../journey/steps/restrict-record';
import { ChildRestrictionResolver } from '../journey/child-restriction.resolver';
import { EmergencyAccessResolver } from '../journey/emergency-access.resolver';
import { LiftEmergencyAccessBarStep } from '../journey/steps/lift-emergency-access-bar';
import { RequestEmergencyAccessStep } from '../journey/steps/request-emergency-access';
import { ReviewEmergencyAccessStep } from '../journey/steps/review-emergency-access';
import { SupportResolver } from '../support/support.resolver';
import { DateTimeScalar } from '../graphql/scalars';
import { MyWorkResolver, WorkItemResolver } from '../work/work.resolver';
import { ChildViewerCanResolver, EmergencyAccessViewerCanResolver, MatchViewerCanResolver } from '../journey/viewer-can.resolver';
import { HouseholdViewerCanResolver } from '../households/household-viewer-can.resolver';
import { SupportRequestViewerCanResolver } from '../support/support-viewer-can.resolver';
import { AgendaItemViewerCanResolver } from '../panels/agenda-item-viewer-can.resolver';
import { checkQueryArgument } from '../graphql/input-class';
import { CreateControlsResolver } from '../staff/viewer-can-create.resolver';
import { ViewerFactsResolver } from '../access/viewer-facts';
import { Child } from '../journey/child.types';
import { ChildDecision, HouseholdDecision } from '../journey/decision.types';
import { Disruption, Placement, PlacementOrder } from '../journey/journey.types';
import { Match } from '../journey/match.types';
import { Household, HouseholdStageEvent } from '../households/household.types';
import { AgendaItem } from '../panels/panel.types';

/** The types whose records the client rules may test for facts of the caller's caseload (src/authz/client-rules.ts). */
const VIEWER_FACTS_RESOLVERS = (
  [
    [Child, 'Child'],
    [ChildDecision, 'ChildDecision'],
    [PlacementOrder, 'PlacementOrder'],
    [Placement, 'Placement'],
    [Disruption, 'Disruption'],
    [Match, 'Match'],
    [Household, 'Household'],
    [HouseholdDecision, 'HouseholdDecision'],
    [HouseholdStageEvent, 'HouseholdStageEvent'],
    [AgendaItem, 'AgendaItem'],
  ] as const
).map(([type, subjectType]) => ViewerFactsResolver(type, subjectType));

export const RESOLVERS = [
  MeResolver,
  NodeResolver,
  StaffResolver,
  CreateStaffMemberStep,
  DeactivateStaffMemberStep,
  GrantRoleStep,
  DeclareInterestStep,
  RestrictRecordStep,
  ChildRestrictionResolver,
  RequestEmergencyAccessStep,
  ReviewEmergencyAccessStep,
  LiftEmergencyAccessBarStep,
  EmergencyAccessResolver,
  DelegateRoleStep,
  EndRoleStep,
  ChildResolver,
  MatchResolver,
  PlacementLinksResolver,
  ChildDecisionLinksResolver,
  CreateChildStep,
  UpdateChildStep,
  RecordAdoptionPlanDecisionStep,
  AllocateFamilyFinderStep,
  RecordPlacementOrderStep,
  RecordEarlyPermanencePlacementStep,
  ProposeMatchStep,
  RecordMatchDecisionStep,
  RecordPlacementStep,
  RecordAdoptionOrderStep,
  RecordPlanChangeStep,
  RecordDisruptionStep,
  HouseholdResolver,
  CreateHouseholdStep,
  AdvanceHouseholdStageStep,
  WithdrawHouseholdStep,
  DecideHouseholdApprovalStep,
  PanelResolver,
  PanelMeetingResolver,
  AgendaItemResolver,
  SupportResolver,
  BoardResolver,
  AuditResolver,
  MyWorkResolver,
  WorkItemResolver,
  ChildViewerCanResolver,
  MatchViewerCanResolver,
  AgendaItemViewerCanResolver,
  HouseholdViewerCanResolver,
  SupportRequestViewerCanResolver,
  EmergencyAccessViewerCanResolver,
  CreateControlsResolver,
  ...VIEWER_FACTS_RESOLVERS,
] as const;

/**
 * Input classes are validated by class-validator: a query's arguments before it runs (failures become BAD_USER_INPUT
 * in formatError), a mutation's input by its step, with the step's own rules of it (checkInput);
 * sensitive fields are wired to the access log.
 */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: checkQueryArgument,
  });
  describeRootTypes(schema);
  return logSensitiveReads(guardRelations(schema));
}

/** The root types have no class to describe them on. */
function describeRootTypes(schema: GraphQLSchema): void {
  schema.getQueryType()!.description = 'What a member of staff may read: each field answers within the caller’s access policy.';
  schema.getMutationType()!.description =
    'The steps of the journeys, each recorded by the role the domain gives it, in its own savepoint; each returns the record it changed.';
}

/**
 * The SDL committed as schema/schema.graphql, in a stable order: types, fields and arguments by name; an enum's
 * values as declared, which is the order of the journey they name (a child's stages, a match's statuses).
 */
export async function printApiSchema(): Promise<string> {
  const schema = await buildApiSchema();
  return Object.values(lexicographicSortSchema(schema).getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .map((type) => printType(isEnumType(type) ? schema.getType(type.name)! : type))
    .join('\n\n');
}
