import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

export const AUDIT_OUTCOMES = ['ALLOWED', 'REFUSED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

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
  outcome!: AuditOutcome;

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

  /** Read only through `audit_visible_changes`, which withholds every value that is not of the case class. */
  @Column({ type: 'jsonb', nullable: true, select: false })
  changes!: Record<string, unknown> | null;

  /** 1 for events written before the policy version and authorities were recorded; 2 since. */
  @Column({ name: 'link_version', type: 'smallint' })
  linkVersion!: number;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: string | null;

  @Column({ name: 'client_request_id', type: 'text', nullable: true })
  clientRequestId!: string | null;

  /** The partner authorities whose children or staff the event is about; null for the partnership's own records. */
  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority', array: true, nullable: true })
  authorities!: Authority[] | null;

  /** For a read of the access log: what was asked and how much came back. */
  @Column({ type: 'jsonb', nullable: true })
  criteria!: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
