import { Column, Entity, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ChildOwnedRecord } from './child-owned.entity';

/** A match's journey, then its exits. */
export const MATCH_STATUSES = ['PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED', 'ADOPTED', 'DECLINED', 'WITHDRAWN', 'DISRUPTED'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
/** A child has at most one match in these statuses (a partial unique index holds it). */
export const OPEN_MATCH_STATUSES: readonly MatchStatus[] = ['PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED'];

/** A link between a child and a household, from proposal through panel and the ADM's decision to placement. */
@Entity('matches')
export class MatchRecord extends ChildOwnedRecord {
  static readonly modelName = 'Match';

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ type: 'enum', enum: MATCH_STATUSES, enumName: 'match_status' })
  status!: MatchStatus;

  @Column({ name: 'proposed_on', type: 'date' })
  proposedOn!: string;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy!: string;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  @VersionColumn()
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
