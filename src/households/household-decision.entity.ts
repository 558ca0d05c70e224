import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const HOUSEHOLD_DECISION_OUTCOMES = ['APPROVED', 'NOT_APPROVED', 'TERMINATED'] as const;
export type HouseholdDecisionOutcome = (typeof HOUSEHOLD_DECISION_OUTCOMES)[number];

/** The partnership ADM's decision on an adopter household, after panel. */
@Entity('household_decisions')
export class HouseholdDecisionRecord {
  static readonly modelName = 'HouseholdDecision';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ type: 'enum', enum: HOUSEHOLD_DECISION_OUTCOMES, enumName: 'household_decision_outcome' })
  outcome!: HouseholdDecisionOutcome;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
