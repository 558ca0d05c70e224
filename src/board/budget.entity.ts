import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

/** What becomes of a year's underspend: returned to the authorities, rolled forward, or not yet decided. */
export const UNDERSPEND_TREATMENTS = ['ROLLED_FORWARD', 'RETURNED', 'NOT_DECIDED'] as const;
export type UnderspendTreatment = (typeof UNDERSPEND_TREATMENTS)[number];

/** pg returns numeric as a string; pounds with two decimals are exact as numbers at these magnitudes. */
const money = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One financial year of the pooled budget ('2024-25'). */
@Entity('budget_years')
export class BudgetYearRecord {
  static readonly modelName = 'PooledBudget';

  @PrimaryColumn({ name: 'financial_year', type: 'text' })
  financialYear!: string;

  @Column({ name: 'operating_budget', type: 'numeric', transformer: money })
  operatingBudget!: number;

  @Column({ type: 'numeric', transformer: money })
  spend!: number;

  @Column({
    name: 'underspend_treatment',
    type: 'enum',
    enum: UNDERSPEND_TREATMENTS,
    enumName: 'underspend_treatment',
    default: 'NOT_DECIDED',
  })
  underspendTreatment!: UnderspendTreatment;

  /** The operating budget and spend are not published figures (demo data): shown as illustrative. */
  @Column({ type: 'boolean', default: false })
  illustrative!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/** An authority's contribution to a year's pooled budget, and its agreed share of any underspend. */
@Entity('budget_contributions')
export class BudgetContributionRecord {
  static readonly modelName = 'PooledBudget';

  @PrimaryColumn({ name: 'financial_year', type: 'text' })
  financialYear!: string;

  @PrimaryColumn({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ type: 'numeric', transformer: money })
  contribution!: number;

  @Column({ name: 'underspend_share', type: 'numeric', nullable: true, transformer: money })
  underspendShare!: number | null;

  /** Not published figures (demo data): shown as illustrative. */
  @Column({ name: 'contribution_illustrative', type: 'boolean', default: false })
  contributionIllustrative!: boolean;

  @Column({ name: 'underspend_share_illustrative', type: 'boolean', default: false })
  underspendShareIllustrative!: boolean;
}
