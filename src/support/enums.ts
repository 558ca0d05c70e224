import { graphqlEnum } from '../graphql/enums';
import { ASSESSMENT_OUTCOMES } from './support-assessment.entity';
import { SUPPORT_OUTCOMES } from './support-request.entity';

/** Adoption support's enums, from the same lists as the database enums. */
export const SupportOutcomeEnum = graphqlEnum(
  SUPPORT_OUTCOMES,
  'SupportOutcome',
  'What the support-and-advice-line call with an adoption support social worker led to.',
  {
    RESOLVED: 'Resolved on the call.',
    SIGNPOSTED: 'Signposted to another service.',
    ASSESSMENT: 'An adoption support assessment follows.',
  },
);

export const AssessmentOutcomeEnum = graphqlEnum(
  ASSESSMENT_OUTCOMES,
  'AssessmentOutcome',
  'What an adoption support assessment concluded.',
  {
    SUPPORT_PLAN: 'A support plan, provided by the partnership.',
    ASGSF_APPLICATION: 'An application to the Adoption and Special Guardianship Support Fund (ASGSF).',
    NO_FURTHER_ACTION: 'No further action.',
  },
);
