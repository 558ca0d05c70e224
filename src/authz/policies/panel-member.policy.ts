import { CHILD_CASE_FIELDS, CHILD_PANEL_IDENTITY_FIELDS, CHILD_SPECIAL_FIELDS } from '../field-classes';
import type { DefinePermissions } from './policy';

/**
 * Panel member: reads the cases on the agendas of their own panel's meetings while the papers are open
 * (facts carry only those), seeing a child's first name and age but no other identity or birth-family field.
 */
export const panelMemberPolicy: DefinePermissions = (_assignment, facts, { can }) => {
  can('read', 'Child', [...CHILD_CASE_FIELDS, ...CHILD_PANEL_IDENTITY_FIELDS, ...CHILD_SPECIAL_FIELDS], {
    id: { $in: [...facts.panelChildIds] },
  }).because('NOT_ON_AGENDA');
};
