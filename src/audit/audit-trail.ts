import { escapeLiteral } from 'pg';

export type AuditEntry = {
  action: string;
  outcome: 'ALLOWED' | 'REFUSED';
  subjectType: string;
  subjectId: string | null;
  fields: string[];
  reason: string | null;
};

/**
 * What one request read of identifying, special-category or birth-family fields, and what it was refused;
 * changes are logged by the database itself. Appended to the access log in the request's transaction,
 * after any refused work has rolled back, in one statement sent with the commit.
 */
export class AuditTrail {
  private readonly reads = new Map<string, AuditEntry>();
  private readonly refusals: AuditEntry[] = [];

  /** A sensitive field returned to the caller; `reason` is the fact that gave access. */
  read(subjectType: string, subjectId: string, field: string, reason: () => string): void {
    const key = `${subjectType}:${subjectId}`;
    const entry = this.reads.get(key);
    if (entry) {
      if (!entry.fields.includes(field)) entry.fields.push(field);
      return;
    }
    this.reads.set(key, { action: 'read', outcome: 'ALLOWED', subjectType, subjectId, fields: [field], reason: reason() });
  }

  refused(action: string, subjectType: string | null, subjectId: string | null, reason: string): void {
    this.refusals.push({ action, outcome: 'REFUSED', subjectType: subjectType ?? 'Operation', subjectId, fields: [], reason });
  }

  /**
   * The statement that appends what was read and refused to the access log, or null when there is
   * nothing to log: sent with the COMMIT (its JSON as an escaped literal, for the simple protocol).
   */
  appendStatement(): string | null {
    const events = [...this.reads.values(), ...this.refusals];
    if (events.length === 0) return null;
    for (const e of events) e.fields.sort();
    return `SELECT audit_append(${escapeLiteral(JSON.stringify(events))}::jsonb)`;
  }
}
