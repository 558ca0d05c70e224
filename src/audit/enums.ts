import { graphqlEnum } from '../graphql/enums';
import { AUDIT_OUTCOMES } from './audit-event.entity';

/** The access log's enums. */
export const AuditOutcomeEnum = graphqlEnum(
  AUDIT_OUTCOMES,
  'AuditOutcome',
  'Whether the access-log event records access given or refused.',
);
