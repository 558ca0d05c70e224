/** The words of the access policy: tenants, roles, actions and subjects. */

export const AUTHORITIES = ['BEXLEY', 'KENT', 'MEDWAY'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const ROLES = [
  'ADM',
  'PPM_LEAD',
  'FAMILY_FINDER',
  'PANEL_MEMBER',
  'BOARD_DIRECTOR',
  'SUPPORT_WORKER',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export const PANEL_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'ADVISER'] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

/** Lower-case verbs; `manage` is never granted. */
export type Action = 'read' | 'create' | 'update';

/** CASL subjects are the GraphQL type names, so one field guard serves every type. */
export type SubjectType = 'Child';
