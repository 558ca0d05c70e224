import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

/** A family finder allocated to a child (one live allocation a child; ended, never deleted). */
@Entity('family_finder_allocations')
export class AllocationRecord {
  static readonly modelName = 'Allocation';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ name: 'family_finder_id', type: 'uuid' })
  familyFinderId!: string;

  @Column({ name: 'allocated_on', type: 'date' })
  allocatedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'allocated_by', type: 'uuid' })
  allocatedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
