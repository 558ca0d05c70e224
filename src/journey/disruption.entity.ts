import { Column, Entity } from 'typeorm';
import { ChildOwnedRecord } from './child-owned.entity';

/** A placement that ended before an adoption order, and the disruption meeting held for it. */
@Entity('disruptions')
export class DisruptionRecord extends ChildOwnedRecord {
  static readonly modelName = 'Disruption';

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId!: string;

  @Column({ name: 'disrupted_on', type: 'date' })
  disruptedOn!: string;

  @Column({ name: 'meeting_on', type: 'date' })
  meetingOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;
}
