import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AUTHORITIES, RESTRICTION_CATEGORIES, type Authority, type RestrictionCategory } from '../authz/vocabulary';

/** An ADM's restriction of a child's record: whom it names, why, and the day it is to be reviewed by. One per child. */
@Entity('child_restrictions')
export class ChildRestrictionRecord {
  static readonly modelName = 'ChildRestriction';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ type: 'enum', enum: RESTRICTION_CATEGORIES, enumName: 'restriction_category' })
  category!: RestrictionCategory;

  @Column({ name: 'allowed_staff_ids', type: 'uuid', array: true })
  allowedStaffIds!: string[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'review_by', type: 'date' })
  reviewBy!: string;

  @Column({ name: 'restricted_by', type: 'uuid' })
  restrictedBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
