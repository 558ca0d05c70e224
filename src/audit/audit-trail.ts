import type { DbScope } from '../db/db-scope';

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
 * after any refused work has rolled back and before the commit, in one statement.
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

  async flush(db: DbScope): Promise<void> {
    const events = [...this.reads.values(), ...this.refusals];
    if (events.length === 0) return;
    for (const e of events) e.fields.sort();
    await db.query(`SELECT audit_append($1::jsonb)`, [JSON.stringify(events)]);
    this.reads.clear();
    this.refusals.length = 0;
  }
}
