import { escapeLiteral } from 'pg';

type AuditEntry = {
  action: string;
  outcome: 'ALLOWED' | 'REFUSED';
  subjectType: string;
  subjectId: string | null;
  fields: string[];
  reason: string | null;
};

/** A request's reads of one kind of record, with the same fields and under the same fact: one event naming them all. */
type GroupedRead = Omit<AuditEntry, 'subjectId'> & { subjectId: null; subjectIds: string[] };

type SubjectRead = { subjectId: string; fields: string[]; reason: string };

/**
 * What one request read of identifying, special-category or birth-family fields, and what it was refused;
 * changes are logged by the database itself. Appended to the access log in the request's transaction,
 * after any refused work has rolled back, in one statement sent with the commit.
 */
export class AuditTrail {
  /** Subject type → subject id → what was read of it. */
  private readonly reads = new Map<string, Map<string, SubjectRead>>();
  private readonly refusals: AuditEntry[] = [];

  /** A sensitive field returned to the caller; `reason` is the fact that gave access. */
  read(subjectType: string, subjectId: string, field: string, reason: () => string): void {
    let ofType = this.reads.get(subjectType);
    if (!ofType) this.reads.set(subjectType, (ofType = new Map()));
    const entry = ofType.get(subjectId);
    if (!entry) ofType.set(subjectId, { subjectId, fields: [field], reason: reason() });
    else if (!entry.fields.includes(field)) entry.fields.push(field);
  }

  refused(action: string, subjectType: string | null, subjectId: string | null, reason: string): void {
    this.refusals.push({ action, outcome: 'REFUSED', subjectType: subjectType ?? 'Operation', subjectId, fields: [], reason });
  }

  /**
   * The statement that appends what was read and refused to the access log, or null when there is
   * nothing to log: sent with the COMMIT (its JSON as an escaped literal, for the simple protocol).
   */
  appendStatement(): string | null {
    const events = [...this.groupedReads(), ...this.refusals];
    if (events.length === 0) return null;
    return `SELECT audit_append(${escapeLiteral(JSON.stringify(events))}::jsonb)`;
  }

  /** The reads, one event per kind of record, fields and fact, its subjects in the order they were read. */
  private groupedReads(): GroupedRead[] {
    const groups: GroupedRead[] = [];
    for (const [subjectType, ofType] of this.reads) {
      const ofFieldsAndReason = new Map<string, GroupedRead>();
      for (const { subjectId, fields, reason } of ofType.values()) {
        fields.sort();
        const key = `${reason}\n${fields.join(',')}`;
        const group = ofFieldsAndReason.get(key);
        if (group) group.subjectIds.push(subjectId);
        else {
          const created: GroupedRead = { action: 'read', outcome: 'ALLOWED', subjectType, subjectId: null, subjectIds: [subjectId], fields, reason };
          ofFieldsAndReason.set(key, created);
          groups.push(created);
        }
      }
    }
    return groups;
  }
}
