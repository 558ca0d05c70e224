import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

/**
 * The columns of every record that hangs off a child: its id, the child, and the child's authority — the
 * tenant, copied so that the policy and Row-Level Security can state it on the record's own columns.
 */
export abstract class ChildOwnedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
