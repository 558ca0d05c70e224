import { AUDIT_EVENTS_QUERY } from './audit/access-log-query';
import { boardQuery, POOLED_BUDGET_QUERY } from './board/board-query';
import { VIEWER_QUERY } from './common/permissions';

/**
 * Every operation the pages send, as they send it: the API always trusts exactly these
 * (schema/page-documents.json, written by `npm run schema`), so the pages work where TRUSTED_DOCUMENTS is set.
 * An operation a page sends that is not listed here is refused there.
 */
export const PAGE_DOCUMENTS: readonly string[] = [
  VIEWER_QUERY,
  boardQuery(false),
  boardQuery(true),
  POOLED_BUDGET_QUERY,
  AUDIT_EVENTS_QUERY,
];
