import { Column, Entity } from 'typeorm';
import { ChildOwnedRecord } from './child-owned.entity';

export const CHILD_DECISION_KINDS = ['ADOPTION_PLAN', 'MATCH'] as const;
export type ChildDecisionKind = (typeof CHILD_DECISION_KINDS)[number];
export const DECISION_OUTCOMES = ['APPROVED', 'NOT_APPROVED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * An Agency Decision Maker's decision about a child: that the child should be placed for adoption,
 * or on a match. A plan decision is rescinded (never deleted) when the plan changes.
 */
@Entity('child_decisions')
export class ChildDecisionRecord extends ChildOwnedRecord {
  static readonly modelName = 'ChildDecision';

  @Column({ type: 'enum', enum: CHILD_DECISION_KINDS, enumName: 'child_decision_kind' })
  kind!: ChildDecisionKind;

  @Column({ type: 'enum', enum: DECISION_OUTCOMES, enumName: 'decision_outcome' })
  outcome!: DecisionOutcome;

  @Column({ name: 'match_id', type: 'uuid', nullable: true })
  matchId!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy!: string;

  @Column({ name: 'rescinded_on', type: 'date', nullable: true })
  rescindedOn!: string | null;
}
