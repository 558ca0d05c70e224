import { graphqlEnum } from '../graphql/enums';
import { HOUSEHOLD_DECISION_OUTCOMES } from './household-decision.entity';
import { HOUSEHOLD_STAGES } from './household-stage';

/** A household's enums, from the same lists as the database enums. */
export const HouseholdStageEnum = graphqlEnum(HOUSEHOLD_STAGES, 'HouseholdStage', 'Where an adopter household is on its journey.');
export const HouseholdDecisionOutcomeEnum = graphqlEnum(HOUSEHOLD_DECISION_OUTCOMES, 'HouseholdDecisionOutcome');
