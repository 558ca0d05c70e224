import { Column, ViewEntity } from 'typeorm';
import { ROLES, type Role } from '../authz/vocabulary';
import type { DirectoryScope } from '../authz/role-holding';

/**
 * A member of staff as the directory shows them on the request's day (the view `staff_directory`): the account, and
 * what the assignments valid that day make them, which the policy's conditions test. Read-only: changes are written
 * to `staff` (StaffRecord). The migration makes the view (`synchronize: false`: TypeORM keeps no copy of it).
 */
@ViewEntity({ name: 'staff_directory', synchronize: false })
export class StaffDirectoryEntryRecord {
  static readonly modelName = 'StaffMember';

  @Column({ type: 'uuid', primary: true })
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'deactivated_on', type: 'date', nullable: true })
  deactivatedOn!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** The roles held today. */
  @Column({ name: 'live_roles', type: 'enum', enum: ROLES, enumName: 'staff_role', array: true })
  liveRoles!: Role[];

  /** Where those roles are held: an authority, or PARTNERSHIP for a role held for none. */
  @Column({ name: 'live_scopes', type: 'text', array: true })
  liveScopes!: DirectoryScope[];

  /** The panels they sit on today. */
  @Column({ name: 'live_panel_ids', type: 'uuid', array: true })
  livePanelIds!: string[];
}
