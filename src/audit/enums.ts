import { graphqlEnum } from '../graphql/enums';
import { AUDIT_OUTCOMES } from './audit-event.entity';

/** The access log's enums. */
export const AuditOutcomeEnum = graphqlEnum(
  AUDIT_OUTCOMES,
  'AuditOutcome',
  'Whether the access-log event records access given or refused.',
  {
    ALLOWED: 'The read, change or import took place.',
    REFUSED: 'The request was refused (FORBIDDEN, or NOT_FOUND for a record out of reach); the refused work was rolled back.',
  },
);
