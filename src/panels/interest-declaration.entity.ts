import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

/**
 * A panel member's declaration of an interest in a case on their panel's agenda. It copies the item's panel and
 * child's authority, so that who reads it is a condition on its own columns. It is never changed or removed.
 */
@Entity('interest_declarations')
export class InterestDeclarationRecord {
  static readonly modelName = 'InterestDeclaration';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agenda_item_id', type: 'uuid' })
  agendaItemId!: string;

  @Column({ name: 'panel_id', type: 'uuid' })
  panelId!: string;

  @Column({ name: 'child_authority', type: 'enum', enum: AUTHORITIES, enumName: 'authority', nullable: true })
  childAuthority!: Authority | null;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
