import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HOUSEHOLD_STAGES, type HouseholdStage } from './household-stage';

/** When a household entered each stage: its history, appended with every move. */
@Entity('household_stage_events')
export class HouseholdStageEventRecord {
  static readonly modelName = 'HouseholdStageEvent';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ type: 'enum', enum: HOUSEHOLD_STAGES, enumName: 'household_stage' })
  stage!: HouseholdStage;

  @Column({ name: 'entered_on', type: 'date' })
  enteredOn!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
