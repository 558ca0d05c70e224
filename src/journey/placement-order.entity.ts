import { Column, Entity } from 'typeorm';
import { ChildOwnedRecord } from './child-owned.entity';

export const AUTHORITY_TO_PLACE = ['PLACEMENT_ORDER', 'CONSENT'] as const;
export type AuthorityToPlace = (typeof AUTHORITY_TO_PLACE)[number];

/** Authority to place: a court placement order, or formal parental consent. One a child. */
@Entity('placement_orders')
export class PlacementOrderRecord extends ChildOwnedRecord {
  static readonly modelName = 'PlacementOrder';

  @Column({ type: 'enum', enum: AUTHORITY_TO_PLACE, enumName: 'authority_to_place' })
  basis!: AuthorityToPlace;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;
}
