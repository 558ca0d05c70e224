import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A panel's six-monthly feedback to the agency on the quality of the reports presented to it. */
@Entity('report_quality_feedback')
export class ReportQualityFeedbackRecord {
  static readonly modelName = 'ReportQualityFeedback';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'panel_id', type: 'uuid' })
  panelId!: string;

  /** 'YYYY-H1' or 'YYYY-H2'. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text' })
  strengths!: string;

  @Column({ type: 'text' })
  improvements!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
