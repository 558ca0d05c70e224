import { graphqlEnum } from '../graphql/enums';
import { RESTRICTION_CATEGORIES } from '../authz/vocabulary';
import { CHILD_STAGES } from './child-stage';
import { CHILD_DECISION_KINDS, DECISION_OUTCOMES } from './child-decision.entity';
import { MATCH_STATUSES } from './match.entity';
import { AUTHORITY_TO_PLACE } from './placement-order.entity';
import { PLACEMENT_KINDS } from './placement.entity';

/** The child's journey's enums, from the same lists as the database enums. */
export const ChildStageEnum = graphqlEnum(CHILD_STAGES, 'ChildStage', 'Where a child is on the adoption journey.');
export const MatchStatusEnum = graphqlEnum(MATCH_STATUSES, 'MatchStatus');
export const ChildDecisionKindEnum = graphqlEnum(CHILD_DECISION_KINDS, 'ChildDecisionKind');
export const DecisionOutcomeEnum = graphqlEnum(DECISION_OUTCOMES, 'DecisionOutcome');
export const AuthorityToPlaceEnum = graphqlEnum(
  AUTHORITY_TO_PLACE,
  'AuthorityToPlace',
  'A court placement order, or formal parental consent.',
);
export const PlacementKindEnum = graphqlEnum(PLACEMENT_KINDS, 'PlacementKind');
export const RestrictionCategoryEnum = graphqlEnum(
  RESTRICTION_CATEGORIES,
  'RestrictionCategory',
  'HIGH_PROFILE, STAFF_CONNECTED, HIGH_RISK: the whole record is the ADM’s and the named staff’s; ADOPTION (sealed at the adoption order): its identity, birth family and adoptive placement are.',
);
