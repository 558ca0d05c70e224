import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A panel meeting. Its papers are open to the panel's members from release until 7 days after it. */
@Entity('panel_meetings')
export class PanelMeetingRecord {
  static readonly modelName = 'PanelMeeting';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'panel_id', type: 'uuid' })
  panelId!: string;

  @Column({ name: 'meeting_on', type: 'date' })
  meetingOn!: string;

  @Column({ name: 'papers_released_on', type: 'date' })
  papersReleasedOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
