import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ILLUSTRATIVE_MEASURES = ['EARLY_PERMANENCE_BY_AUTHORITY'] as const;
export type IllustrativeMeasure = (typeof ILLUSTRATIVE_MEASURES)[number];

/**
 * Days over which a count the board reads by authority is illustrative: generated for the demo where the published
 * papers give only the partnership's figure. A page shows those cells as illustrative, not as published.
 */
@Entity('illustrative_counts')
export class IllustrativeCountRecord {
  static readonly modelName = 'BoardPerformance';

  @PrimaryColumn({ type: 'text' })
  measure!: IllustrativeMeasure;

  @PrimaryColumn({ name: 'first_day', type: 'date' })
  firstDay!: string;

  @Column({ name: 'last_day', type: 'date' })
  lastDay!: string;

  @Column({ type: 'text' })
  reason!: string;
}
