import { accessBasis, auditedAuthorities } from '../authz/access-basis';
import { readList, type GuardedSubject } from '../access/guarded';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import type { AuditTrail } from './audit-trail';
import { AuditEventRecord } from './audit-event.entity';
import type { AuditEvent, AuditEventsArgs } from './audit.types';
import { auditEventKind, type AuditSubjectType } from './enums';

const ALIAS = 'event';

/** An access-log event leaves field by field, its changes withheld as they were when written (audit_visible_changes). */
const AUDIT_EVENT: GuardedSubject<AuditEventRecord, AuditEvent> = {
  subjectType: 'AuditEvent',
  entity: AuditEventRecord,
  alias: ALIAS,
  present: (_ctx, event) => presentAuditEvent(event),
};

/** The access log, for auditors: newest first. Every page read is itself logged. */
export class AuditService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly audit: AuditTrail,
  ) {}

  async list(args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    const filter = args.filter ?? {};
    const page = await readList(
      this.ctx,
      AUDIT_EVENT,
      args,
      (query) => {
        // The values a change kept before they were withheld at write time are withheld here, by the same rule.
        query.addSelect(`audit_visible_changes(${ALIAS}.subject_type, ${ALIAS}.changes)`, `${ALIAS}_changes`);
        if (filter.staffId) query.andWhere(`${ALIAS}.staffId = :staffId`, { staffId: parseId('filter.staffId', filter.staffId) });
        if (filter.subjectId) {
          query.andWhere(`(${ALIAS}.subjectId = :subjectId OR ${ALIAS}.subjectIds @> ARRAY[:subjectId]::uuid[])`, {
            subjectId: parseId('filter.subjectId', filter.subjectId),
          });
        }
        if (filter.action) query.andWhere(`lower(${ALIAS}.action) = lower(:action)`, { action: filter.action });
        if (filter.kind === 'REFUSAL') query.andWhere(`${ALIAS}.outcome = 'REFUSED'`);
        else if (filter.kind)
          query.andWhere(`${ALIAS}.outcome = 'ALLOWED' AND ${ALIAS}.action = :kind`, { kind: filter.kind.toLowerCase() });
        if (filter.outcome) query.andWhere(`${ALIAS}.outcome = :outcome`, { outcome: filter.outcome });
        if (filter.subjectType) query.andWhere(`${ALIAS}.subjectType = :subjectType`, { subjectType: filter.subjectType });
        if (filter.authority)
          query.andWhere(`${ALIAS}.authorities @> ARRAY[:aboutAuthority]::authority[]`, { aboutAuthority: filter.authority });
        if (filter.role) query.andWhere(`${ALIAS}.roles ~ :rolePattern`, { rolePattern: `(^|,)${filter.role}:` });
        if (filter.policyVersion) query.andWhere(`${ALIAS}.policyVersion = :policyVersion`, { policyVersion: filter.policyVersion });
        if (filter.from) query.andWhere(`${ALIAS}.at >= :from`, { from: filter.from });
        if (filter.to) query.andWhere(`${ALIAS}.at <= :to`, { to: filter.to });
      },
      [{ property: 'at', direction: 'DESC' }],
    );
    this.logRead(args, page);
    return page;
  }

  /** Reading the log is logged: the criteria and the range of events returned, never their content. */
  private logRead(args: AuditEventsArgs, page: Page<AuditEvent>): void {
    const ids = page.edges.map((e) => Number(e.node.id));
    const criteria = {
      filter: args.filter ?? {},
      first: args.first ?? null,
      after: args.after ?? null,
      returned: ids.length,
      newestId: ids.length ? String(Math.max(...ids)) : null,
      oldestId: ids.length ? String(Math.min(...ids)) : null,
    };
    this.audit.readLog(criteria, accessBasis(this.ctx.actor, this.ctx.facts, 'AuditEvent', {}), auditedAuthorities(this.ctx.actor));
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
    kind: auditEventKind(e.action, e.outcome),
    outcome: e.outcome,
    subjectType: e.subjectType as AuditSubjectType,
    subjectId: e.subjectId,
    subjectIds: e.subjectIds ?? (e.subjectId ? [e.subjectId] : []),
    fields: e.fields,
    reason: e.reason,
    changes: e.changes,
    requestId: e.requestId,
    clientRequestId: e.clientRequestId,
    policyVersion: e.policyVersion,
    authorities: e.authorities ?? [],
    criteria: e.criteria,
    chain: e.chain,
    seq: e.seq,
    hash: e.hash,
  };
}
