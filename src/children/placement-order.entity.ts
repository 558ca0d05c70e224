import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

export const AUTHORITY_TO_PLACE = ['PLACEMENT_ORDER', 'CONSENT'] as const;
export type AuthorityToPlace = (typeof AUTHORITY_TO_PLACE)[number];

/** Authority to place: a court placement order, or formal parental consent. One a child. */
@Entity('placement_orders')
export class PlacementOrderRecord {
  static readonly modelName = 'PlacementOrder';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ type: 'enum', enum: AUTHORITY_TO_PLACE, enumName: 'authority_to_place' })
  basis!: AuthorityToPlace;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
