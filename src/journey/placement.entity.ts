import { Column, Entity } from 'typeorm';
import { ChildOwnedRecord } from './child-owned.entity';

export const PLACEMENT_KINDS = ['EARLY_PERMANENCE', 'ADOPTIVE'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/**
 * A child living with a household: early permanence (fostering for adoption, before authority to place, and
 * possibly before the plan decision) or adoptive.
 * An early-permanence placement converts in place. `movedInOn` is the day the child moved in with
 * this family (earlier than `placedOn` when foster carers adopt), which stops the A10 clock.
 */
@Entity('placements')
export class PlacementRecord extends ChildOwnedRecord {
  static readonly modelName = 'Placement';

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ name: 'match_id', type: 'uuid', nullable: true })
  matchId!: string | null;

  @Column({ type: 'enum', enum: PLACEMENT_KINDS, enumName: 'placement_kind' })
  kind!: PlacementKind;

  @Column({ name: 'placed_on', type: 'date' })
  placedOn!: string;

  @Column({ name: 'moved_in_on', type: 'date' })
  movedInOn!: string;

  /** Fostering for adoption: the day the carers were temporarily approved as this child's foster carers. */
  @Column({ name: 'temporary_foster_carer_approval_on', type: 'date', nullable: true })
  temporaryFosterCarerApprovalOn!: string | null;

  @Column({ name: 'converted_on', type: 'date', nullable: true })
  convertedOn!: string | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;
}
