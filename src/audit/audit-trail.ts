import { escapeLiteral } from 'pg';

type AuditEntry = {
  action: string;
  outcome: 'ALLOWED' | 'REFUSED';
  subjectType: string;
  subjectId: string | null;
  fields: string[];
  reason: string | null;
};

/** A request's reads of one kind of record of one authority, with the same fields and under the same fact: one event naming them all. */
type GroupedRead = Omit<AuditEntry, 'subjectId'> & { subjectId: null; subjectIds: string[]; authorities: string[] | null };

/** A read of the access log itself: what was asked and how much came back (never the events' content). */
type LogRead = AuditEntry & { criteria: Record<string, unknown>; authorities: string[] | null };

type SubjectRead = { subjectId: string; fields: string[]; reason: string; authority: string | null };

/**
 * What one request read of identifying, special-category or birth-family fields (and of the access log),
 * and what it was refused; changes are logged by the database itself. Appended to the access log in the
 * request's transaction, after any refused work has rolled back, in one statement sent with the commit.
 */
export class AuditTrail {
  /** Subject type → subject id → what was read of it. */
  private readonly reads = new Map<string, Map<string, SubjectRead>>();
  private readonly refusals: AuditEntry[] = [];
  private readonly logReads: LogRead[] = [];

  /**
   * A sensitive field returned to the caller; `reason` is the fact that gave access, `authority` the
   * record's partner authority (null for the partnership's own records).
   */
  read(subjectType: string, subjectId: string, field: string, authority: string | null, reason: () => string): void {
    let ofType = this.reads.get(subjectType);
    if (!ofType) this.reads.set(subjectType, (ofType = new Map()));
    const entry = ofType.get(subjectId);
    if (!entry) ofType.set(subjectId, { subjectId, fields: [field], reason: reason(), authority });
    else if (!entry.fields.includes(field)) entry.fields.push(field);
  }

  /** `action`: the field or mutation refused, by its name in the schema (never the client's alias). */
  refused(action: string, subjectType: string | null, subjectId: string | null, reason: string): void {
    this.refusals.push({ action, outcome: 'REFUSED', subjectType: subjectType ?? 'Operation', subjectId, fields: [], reason });
  }

  /** A page of the access log read: the criteria asked and the events returned (their count and id range). */
  readLog(criteria: Record<string, unknown>, reason: string, authorities: string[] | null): void {
    this.logReads.push({
      action: 'read',
      outcome: 'ALLOWED',
      subjectType: 'AuditEvent',
      subjectId: null,
      fields: [],
      reason,
      criteria,
      authorities,
    });
  }

  /**
   * The statement that appends what was read and refused to the access log, or null when there is
   * nothing to log: sent with the COMMIT (its JSON as an escaped literal, for the simple protocol).
   */
  appendStatement(): string | null {
    const events = [...this.groupedReads(), ...this.logReads, ...this.refusals];
    if (events.length === 0) return null;
    return `SELECT audit_append(${escapeLiteral(JSON.stringify(events))}::jsonb)`;
  }

  /** The reads, one event per kind of record, authority, fields and fact, its subjects in the order they were read. */
  private groupedReads(): GroupedRead[] {
    const groups: GroupedRead[] = [];
    for (const [subjectType, ofType] of this.reads) {
      const byKey = new Map<string, GroupedRead>();
      for (const { subjectId, fields, reason, authority } of ofType.values()) {
        fields.sort();
        const key = `${authority}\n${reason}\n${fields.join(',')}`;
        const group = byKey.get(key);
        if (group) group.subjectIds.push(subjectId);
        else {
          const authorities = authority ? [authority] : null;
          const created: GroupedRead = {
            action: 'read',
            outcome: 'ALLOWED',
            subjectType,
            subjectId: null,
            subjectIds: [subjectId],
            fields,
            reason,
            authorities,
          };
          byKey.set(key, created);
          groups.push(created);
        }
      }
    }
    return groups;
  }
}
