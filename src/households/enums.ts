import { graphqlEnum } from '../graphql/enums';
import { HOUSEHOLD_DECISION_OUTCOMES } from './household-decision.entity';
import { HOUSEHOLD_STAGES } from './household-stage';

/** A household's enums, from the same lists as the database enums. */
export const HouseholdStageEnum = graphqlEnum(
  HOUSEHOLD_STAGES,
  'HouseholdStage',
  'Where an adopter household is on its journey: recruitment, approval, matching, then the exits.',
  {
    ENQUIRY: 'The household has enquired about adopting.',
    INFORMATION_EVENT: 'Attended an information event.',
    INITIAL_VISIT: 'A social worker has made the initial visit.',
    REGISTRATION: 'Registration of interest made: the formal application that opens Stage 1.',
    STAGE_1: 'Stage 1 (target 2 months): checks, DBS, referees and medical.',
    STAGE_2: 'Stage 2 (target 4 months): the assessment and the Prospective Adopter’s Report (PAR); fast-track households start here.',
    PANEL: 'Awaiting or heard at the adoption panel.',
    APPROVED: 'Approved as adopters by the partnership’s ADM: in the regional pool.',
    MATCHED: 'Matched with a child by the child’s ADM.',
    PLACED: 'A child is placed with them for adoption.',
    WITHDRAWN: 'Exit: withdrew or was deregistered, by their own choice.',
    NOT_APPROVED: 'Exit: the partnership’s ADM did not approve them.',
    TERMINATED: 'Exit: the partnership’s ADM terminated their approval.',
  },
);

export const HouseholdDecisionOutcomeEnum = graphqlEnum(
  HOUSEHOLD_DECISION_OUTCOMES,
  'HouseholdDecisionOutcome',
  'The partnership ADM’s decision on an adopter household, after the panel.',
  {
    APPROVED: 'Approved as adopters.',
    NOT_APPROVED: 'Not approved.',
    TERMINATED: 'An approval terminated.',
  },
);
