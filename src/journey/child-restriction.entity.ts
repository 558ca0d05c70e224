import { Column, Entity, UpdateDateColumn, VersionColumn } from 'typeorm';
import { RESTRICTION_CATEGORIES, type RestrictionCategory } from '../authz/vocabulary';
import { ChildOwnedRecord } from './child-owned.entity';

/** An ADM's restriction of a child's record: whom it names, why, and the day it is to be reviewed by. One per child. */
@Entity('child_restrictions')
export class ChildRestrictionRecord extends ChildOwnedRecord {
  static readonly modelName = 'ChildRestriction';

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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
