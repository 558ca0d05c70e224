import { Column, Entity } from 'typeorm';
import { ChildOwnedRecord } from './child-owned.entity';

/** A family finder allocated to a child (one live allocation a child; ended, never deleted). */
@Entity('family_finder_allocations')
export class AllocationRecord extends ChildOwnedRecord {
  static readonly modelName = 'Allocation';

  @Column({ name: 'family_finder_id', type: 'uuid' })
  familyFinderId!: string;

  @Column({ name: 'allocated_on', type: 'date' })
  allocatedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'allocated_by', type: 'uuid' })
  allocatedBy!: string;
}
