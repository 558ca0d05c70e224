import { graphqlEnum } from '../graphql/enums';
import { RESTRICTION_CATEGORIES } from '../authz/vocabulary';
import { CHILD_STAGES } from './child-stage';
import { CHILD_DECISION_KINDS, DECISION_OUTCOMES } from './child-decision.entity';
import { MATCH_STATUSES } from './match.entity';
import { AUTHORITY_TO_PLACE } from './placement-order.entity';
import { PLACEMENT_KINDS } from './placement.entity';

/** The child's journey's enums, from the same lists as the database enums. */
export const ChildStageEnum = graphqlEnum(
  CHILD_STAGES,
  'ChildStage',
  'Where a child is on the adoption journey: the steps in legal order, then the exits.',
  {
    CONSIDERING_ADOPTION:
      'Referred: adoption is being considered and the Child Permanence Report (CPR) prepared; the PPM lead tracks the child.',
    SHOULD_BE_PLACED: 'The authority’s ADM has decided that the child should be placed for adoption; a family finder is allocated.',
    EARLY_PERMANENCE:
      'Placed for early permanence (fostering for adoption or concurrent planning) with carers approved as both adopters and foster carers, before authority to place.',
    AUTHORITY_TO_PLACE: 'The court has made a placement order, or the parents have formally consented.',
    LINKED: 'A family finder has proposed a household for the child.',
    MATCH_RECOMMENDED: 'The adoption panel has recommended the match.',
    MATCHED: 'The child’s ADM has decided the match.',
    PLACED: 'Placed for adoption with the matched family (an early-permanence placement converts in place).',
    ADOPTED: 'The court has made the adoption order, no earlier than 10 weeks after placement.',
    PLAN_CHANGED: 'Exit: adoption is no longer the plan (the reason is recorded).',
    DISRUPTED: 'Exit: the placement ended before the adoption order; a disruption meeting is held, then a new match or a new plan.',
  },
);

export const MatchStatusEnum = graphqlEnum(
  MATCH_STATUSES,
  'MatchStatus',
  'Where a match of a child with a household stands: its journey, then its exits.',
  {
    PROPOSED: 'A family finder has linked the child with the household.',
    RECOMMENDED: 'The adoption panel has recommended on the match (see its panelRecommendation).',
    APPROVED: 'The child’s ADM has decided the match.',
    PLACED: 'The child is placed for adoption with the household.',
    ADOPTED: 'The adoption order has been made.',
    DECLINED: 'Exit: the child’s ADM decided against the match.',
    WITHDRAWN: 'Exit: adoption stopped being the child’s plan while the match was open.',
    DISRUPTED: 'Exit: the placement ended before the adoption order.',
  },
);

export const ChildDecisionKindEnum = graphqlEnum(
  CHILD_DECISION_KINDS,
  'ChildDecisionKind',
  'What an Agency Decision Maker decided about a child.',
  {
    ADOPTION_PLAN: 'That the child should be placed for adoption.',
    MATCH: 'On a match of the child with a household, after the panel’s recommendation.',
  },
);

export const DecisionOutcomeEnum = graphqlEnum(DECISION_OUTCOMES, 'DecisionOutcome', 'The outcome of an ADM’s decision.', {
  APPROVED: 'Agreed: adoption is the plan, or the match goes ahead.',
  NOT_APPROVED: 'Not agreed: the match is declined.',
});

export const AuthorityToPlaceEnum = graphqlEnum(
  AUTHORITY_TO_PLACE,
  'AuthorityToPlace',
  'A court placement order, or formal parental consent.',
  {
    PLACEMENT_ORDER: 'A placement order made by the court.',
    CONSENT: 'Formal consent of the parents to placement for adoption.',
  },
);

export const PlacementKindEnum = graphqlEnum(PLACEMENT_KINDS, 'PlacementKind', 'How a child came to live with the family.', {
  EARLY_PERMANENCE:
    'Fostering for adoption or concurrent planning: with carers approved as both adopters and foster carers, before or while adoption is decided; converts to the adoptive placement in place.',
  ADOPTIVE: 'Placed for adoption with the matched family.',
});

export const RestrictionCategoryEnum = graphqlEnum(
  RESTRICTION_CATEGORIES,
  'RestrictionCategory',
  'Why a child’s record is restricted: HIGH_PROFILE, STAFF_CONNECTED and HIGH_RISK restrict the whole record to the ADM and the named staff; ADOPTION (sealed at the adoption order) restricts its identity, birth family and adoptive placement.',
  {
    HIGH_PROFILE: 'A case of public interest: the whole record is the ADM’s and the named staff’s.',
    STAFF_CONNECTED:
      'The child is connected with a member of staff: the whole record is the ADM’s and the named staff’s, and no one may break glass on it.',
    ADOPTION: 'Sealed at the adoption order: the identity, birth family and adoptive placement are the ADM’s and the named staff’s.',
    HIGH_RISK: 'A risk to the child or the placement if the record were read: the whole record is the ADM’s and the named staff’s.',
  },
);
