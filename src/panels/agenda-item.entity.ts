import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AGENDA_ITEM_KINDS, AUTHORITIES, type AgendaItemKind, type Authority } from '../authz/vocabulary';

export { AGENDA_ITEM_KINDS, type AgendaItemKind };
export const PANEL_RECOMMENDATIONS = ['POSITIVE', 'NEGATIVE', 'DEFERRED'] as const;
export type PanelRecommendation = (typeof PANEL_RECOMMENDATIONS)[number];

/**
 * A case on a meeting's agenda. It copies the meeting's panel and dates, so that the policy's
 * "their panel, while the papers are open" is a condition on the item's own columns.
 */
@Entity('agenda_items')
export class AgendaItemRecord {
  static readonly modelName = 'AgendaItem';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'panel_id', type: 'uuid' })
  panelId!: string;

  @Column({ name: 'meeting_on', type: 'date' })
  meetingOn!: string;

  @Column({ name: 'papers_released_on', type: 'date' })
  papersReleasedOn!: string;

  /** meeting_on + 7, computed by the database. */
  @Column({ name: 'window_closes_on', type: 'date', insert: false, update: false })
  windowClosesOn!: string;

  @Column({ type: 'enum', enum: AGENDA_ITEM_KINDS, enumName: 'agenda_item_kind' })
  kind!: AgendaItemKind;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ name: 'match_id', type: 'uuid', nullable: true })
  matchId!: string | null;

  @Column({ name: 'child_id', type: 'uuid', nullable: true })
  childId!: string | null;

  @Column({ name: 'child_authority', type: 'enum', enum: AUTHORITIES, enumName: 'authority', nullable: true })
  childAuthority!: Authority | null;

  @Column({ type: 'enum', enum: PANEL_RECOMMENDATIONS, enumName: 'panel_recommendation', nullable: true })
  recommendation!: PanelRecommendation | null;

  @Column({ type: 'text', nullable: true })
  reasons!: string | null;

  @Column({ name: 'recommended_by', type: 'uuid', nullable: true })
  recommendedBy!: string | null;

  @Column({ name: 'scheduled_by', type: 'uuid' })
  scheduledBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
