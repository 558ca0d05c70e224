import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';
import { HOUSEHOLD_STAGES, type HouseholdStage } from './household-stage';

export type ApplicantRecord = { firstName: string; lastName: string; dateOfBirth: string };

/** An adopter household, recruited and approved partnership-wide. Persistence only. */
@Entity('households')
export class HouseholdRecord {
  static readonly modelName = 'Household';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'enum', enum: HOUSEHOLD_STAGES, enumName: 'household_stage' })
  stage!: HouseholdStage;

  @Column({ name: 'stage_entered_on', type: 'date' })
  stageEnteredOn!: string;

  /** Where the household lives: information, not a tenant. */
  @Column({ name: 'home_authority', type: 'enum', enum: AUTHORITIES, enumName: 'authority', nullable: true })
  homeAuthority!: Authority | null;

  @Column({ type: 'jsonb' })
  applicants!: ApplicantRecord[];

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  ethnicity!: string | null;

  @Column({ type: 'text', nullable: true })
  religion!: string | null;

  @Column({ name: 'health_notes', type: 'text', nullable: true })
  healthNotes!: string | null;

  @Column({ name: 'dbs_outcome', type: 'text', nullable: true })
  dbsOutcome!: string | null;

  @Column({ name: 'min_child_age', type: 'integer' })
  minChildAge!: number;

  @Column({ name: 'max_child_age', type: 'integer' })
  maxChildAge!: number;

  @Column({ name: 'max_siblings', type: 'integer' })
  maxSiblings!: number;

  @Column({ name: 'needs_they_can_meet', type: 'text', array: true })
  needsTheyCanMeet!: string[];

  /** Seeking (or holding) dual approval as adopters and foster carers, for early permanence. */
  @Column({ name: 'early_permanence', type: 'boolean' })
  earlyPermanence!: boolean;

  @Column({ name: 'fast_track', type: 'boolean' })
  fastTrack!: boolean;

  @Column({ name: 'enquiry_on', type: 'date' })
  enquiryOn!: string;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  /** The adoption agency that approved the household, when not the partnership (null): an inter-agency placement. */
  @Column({ name: 'approving_agency', type: 'text', nullable: true })
  approvingAgency!: string | null;

  /** The authorities whose children this household has been proposed for: kept by the database from the matches. */
  @Column({ name: 'proposed_for', type: 'enum', enum: AUTHORITIES, enumName: 'authority', array: true, insert: false, update: false })
  proposedFor!: Authority[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
