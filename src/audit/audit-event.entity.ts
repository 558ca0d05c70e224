import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event of the access log. Written only by the database's `audit_append`; never updated or deleted. */
@Entity('audit_events')
export class AuditEventRecord {
  static readonly modelName = 'AuditEvent';

  /** bigint, as a string. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  chain!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId!: string | null;

  @Column({ type: 'text' })
  roles!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  outcome!: 'ALLOWED' | 'REFUSED';

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** A read's subjects: every record of `subjectType` read with these fields under this reason in the request. */
  @Column({ name: 'subject_ids', type: 'uuid', array: true, nullable: true })
  subjectIds!: string[] | null;

  @Column({ type: 'text', array: true })
  fields!: string[];

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes!: Record<string, { before: unknown; after: unknown }> | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
