import { registerEnumType } from 'type-graphql';
import { AUDIT_OUTCOMES } from '../audit/audit-event.entity';
import { AUTHORITIES, PANEL_ROLES, ROLES } from '../authz/vocabulary';
import { CHILD_STAGES } from '../journey/child-stage';
import { AUTHORITY_TO_PLACE } from '../journey/placement-order.entity';
import { PLACEMENT_KINDS } from '../journey/placement.entity';
import { CHILD_DECISION_KINDS, DECISION_OUTCOMES } from '../journey/child-decision.entity';
import { HOUSEHOLD_DECISION_OUTCOMES } from '../households/household-decision.entity';
import { HOUSEHOLD_STAGES } from '../households/household-stage';
import { MATCH_STATUSES } from '../journey/match.entity';
import { AGENDA_ITEM_KINDS, PANEL_RECOMMENDATIONS } from '../panels/agenda-item.entity';
import { ASSESSMENT_OUTCOMES } from '../support/support-assessment.entity';
import { SUPPORT_OUTCOMES } from '../support/support-request.entity';

/** GraphQL enums from the same constant lists the database enums and the policy use. */
function enumOf<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const map = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(map, { name, description });
  return map;
}

export const AuthorityEnum = enumOf(AUTHORITIES, 'Authority', 'A partner local authority: the tenant.');
export const RoleEnum = enumOf(ROLES, 'Role');
export const PanelRoleEnum = enumOf(PANEL_ROLES, 'PanelRole');
export const ChildStageEnum = enumOf(CHILD_STAGES, 'ChildStage', 'Where a child is on the adoption journey.');
export const HouseholdStageEnum = enumOf(HOUSEHOLD_STAGES, 'HouseholdStage', 'Where an adopter household is on its journey.');
export const MatchStatusEnum = enumOf(MATCH_STATUSES, 'MatchStatus');
export const ChildDecisionKindEnum = enumOf(CHILD_DECISION_KINDS, 'ChildDecisionKind');
export const DecisionOutcomeEnum = enumOf(DECISION_OUTCOMES, 'DecisionOutcome');
export const HouseholdDecisionOutcomeEnum = enumOf(HOUSEHOLD_DECISION_OUTCOMES, 'HouseholdDecisionOutcome');
export const AuthorityToPlaceEnum = enumOf(AUTHORITY_TO_PLACE, 'AuthorityToPlace', 'A court placement order, or formal parental consent.');
export const PlacementKindEnum = enumOf(PLACEMENT_KINDS, 'PlacementKind');
export const AgendaItemKindEnum = enumOf(AGENDA_ITEM_KINDS, 'AgendaItemKind');
export const PanelRecommendationEnum = enumOf(PANEL_RECOMMENDATIONS, 'PanelRecommendation');
export const SupportOutcomeEnum = enumOf(SUPPORT_OUTCOMES, 'SupportOutcome');
export const AssessmentOutcomeEnum = enumOf(ASSESSMENT_OUTCOMES, 'AssessmentOutcome');
export const AuditOutcomeEnum = enumOf(AUDIT_OUTCOMES, 'AuditOutcome', 'Whether the access-log event records access given or refused.');
