import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AUTHORITIES, RESTRICTION_CATEGORIES, type Authority, type RestrictionCategory } from '../authz/vocabulary';
import { CHILD_STAGES, type ChildStage } from './child-stage';

/** Persistence only: the GraphQL shape is child.types.ts, and every field of it has a class. */
@Entity('children')
export class ChildRecord {
  /** The CASL subject type of this record. */
  static readonly modelName = 'Child';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The child's responsible authority: the tenant. */
  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ type: 'enum', enum: CHILD_STAGES, enumName: 'child_stage', default: 'CONSIDERING_ADOPTION' })
  stage!: ChildStage;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ name: 'nhs_number', type: 'text', nullable: true })
  nhsNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  sex!: string | null;

  @Column({ type: 'text', nullable: true })
  ethnicity!: string | null;

  @Column({ type: 'text', nullable: true })
  religion!: string | null;

  @Column({ type: 'text', nullable: true })
  disability!: string | null;

  @Column({ name: 'health_needs', type: 'text', nullable: true })
  healthNeeds!: string | null;

  @Column({ name: 'birth_family_background', type: 'text', nullable: true })
  birthFamilyBackground!: string | null;

  @Column({ name: 'entered_care_on', type: 'date' })
  enteredCareOn!: string;

  @Column({ name: 'adoption_plan_decided_on', type: 'date', nullable: true })
  adoptionPlanDecidedOn!: string | null;

  @Column({ name: 'placement_order_granted_on', type: 'date', nullable: true })
  placementOrderGrantedOn!: string | null;

  @Column({ name: 'early_permanence_placed_on', type: 'date', nullable: true })
  earlyPermanencePlacedOn!: string | null;

  @Column({ name: 'matched_on', type: 'date', nullable: true })
  matchedOn!: string | null;

  @Column({ name: 'placed_on', type: 'date', nullable: true })
  placedOn!: string | null;

  @Column({ name: 'adoption_order_granted_on', type: 'date', nullable: true })
  adoptionOrderGrantedOn!: string | null;

  @Column({ name: 'plan_changed_on', type: 'date', nullable: true })
  planChangedOn!: string | null;

  @Column({ name: 'plan_change_reason', type: 'text', nullable: true })
  planChangeReason!: string | null;

  @Column({ name: 'disrupted_on', type: 'date', nullable: true })
  disruptedOn!: string | null;

  /** Restricted by the ADM, or sealed at the adoption order (ADOPTION): who may read it is then narrower. */
  @Column({ name: 'restriction_category', type: 'enum', enum: RESTRICTION_CATEGORIES, enumName: 'restriction_category', nullable: true })
  restrictionCategory!: RestrictionCategory | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
