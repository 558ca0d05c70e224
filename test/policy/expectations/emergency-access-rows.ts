import type { Row } from './types';

/**
 * Who reads the emergency accesses (break-glass) to review them (docs/domain.md, "Break-glass"): the ADM of the
 * child's authority and the auditors (a council's, those about its children). Breaking glass, reviewing and lifting a
 * bar are stated by test/access/emergency-access.api.test.ts.
 */
export function reviewsEmergencyAccesses(who: string, actor: string, other: 'BEXLEY' | 'MEDWAY', reason: string): Row[] {
  return [
    {
      rule: `${who} reads the emergency accesses to their authority’s children`,
      actor,
      action: 'read',
      subject: 'EmergencyAccess',
      scope: 'own authority',
      expected: 'allowed',
    },
    {
      rule: `${who} cannot read an emergency access to another authority’s child`,
      actor,
      action: 'read',
      subject: 'EmergencyAccess',
      scope: 'another authority',
      authority: other,
      expected: 'refused',
      reason,
    },
  ];
}

/** Everyone else reads none, whoever broke glass. */
export function readsNoEmergencyAccess(who: string, actor: string): Row[] {
  return [
    {
      rule: `${who} cannot read an emergency access`,
      actor,
      action: 'read',
      subject: 'EmergencyAccess',
      scope: 'partnership-wide',
      expected: 'refused',
      reason: 'ROLE_MAY_NOT_READ',
    },
  ];
}
