import { assertMayEver } from '../authz/refusals';
import { accessibleQuery } from '../authz/scoped-reads';
import type { ServiceContext } from '../graphql/context';
import { paginate, type Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import { AuditEventRecord } from './audit-event.entity';
import type { AuditEvent, AuditEventsArgs } from './audit.types';

const ALIAS = 'event';

/** The access log, for auditors: newest first. */
export class AuditService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    assertMayEver(this.ctx.ability, 'read', 'AuditEvent');
    const filter = args.filter ?? {};
    const query = accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'AuditEvent', AuditEventRecord, ALIAS);
    if (filter.staffId) query.andWhere(`${ALIAS}.staffId = :staffId`, { staffId: parseId('filter.staffId', filter.staffId) });
    if (filter.subjectId) {
      query.andWhere(`(${ALIAS}.subjectId = :subjectId OR ${ALIAS}.subjectIds @> ARRAY[:subjectId]::uuid[])`, {
        subjectId: parseId('filter.subjectId', filter.subjectId),
      });
    }
    if (filter.action) query.andWhere(`${ALIAS}.action = :action`, { action: filter.action });
    if (filter.from) query.andWhere(`${ALIAS}.at >= :from`, { from: filter.from });
    if (filter.to) query.andWhere(`${ALIAS}.at <= :to`, { to: filter.to });
    return paginate(query, args, presentAuditEvent, { instant: 'at', direction: 'DESC' });
  }
}

/** An event as GraphQL shows it, field by field (copying an entity property by property costs far more). */
function presentAuditEvent(e: AuditEventRecord): AuditEvent {
  return {
    id: e.id,
    at: e.at,
    staffId: e.staffId,
    role: e.roles,
    action: e.action,
    outcome: e.outcome,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    subjectIds: e.subjectIds ?? (e.subjectId ? [e.subjectId] : []),
    fields: e.fields,
    reason: e.reason,
    changes: e.changes,
    requestId: e.requestId,
    chain: e.chain,
    seq: e.seq,
    hash: e.hash,
  };
}
