import { graphqlEnum } from '../graphql/enums';
import { ASSESSMENT_OUTCOMES } from './support-assessment.entity';
import { SUPPORT_OUTCOMES } from './support-request.entity';

/** Adoption support's enums, from the same lists as the database enums. */
export const SupportOutcomeEnum = graphqlEnum(SUPPORT_OUTCOMES, 'SupportOutcome');
export const AssessmentOutcomeEnum = graphqlEnum(ASSESSMENT_OUTCOMES, 'AssessmentOutcome');
