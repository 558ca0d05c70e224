import type { Authority } from '../../../src/authz/vocabulary';
import type { Row } from './types';

/**
 * Breaking glass (docs/domain.md, "Break-glass"): a member of staff with a case role (an authority's ADM, a PPM lead, a
 * family finder) asks, for themselves alone, to read a child out of their reach, or one of their authority restricted
 * to others; never one restricted as STAFF_CONNECTED. Reading under it, expiry and the bar are stated by
 * test/access/emergency-access.api.test.ts.
 */
export function breaksGlass(who: string, actor: string, other: Authority): Row[] {
  return [
    {
      rule: `${who} breaks glass, for themselves, on a child out of their reach`,
      actor,
      action: 'create',
      subject: 'EmergencyAccess',
      scope: 'their emergency access to a child out of their reach',
      authority: other,
      expected: 'allowed',
    },
    {
      rule: `${who} breaks glass on a child restricted to others, but never on one restricted as STAFF_CONNECTED`,
      actor,
      action: 'create',
      subject: 'EmergencyAccess',
      scope: 'their emergency access to a child restricted to others',
      expected: 'allowed-if',
      condition: 'the child is not restricted as STAFF_CONNECTED',
      otherwise: ['their emergency access to a child restricted as STAFF_CONNECTED'],
      reason: 'STAFF_CONNECTED_RECORD',
    },
    {
      rule: `${who} cannot break glass for someone else`,
      actor,
      action: 'create',
      subject: 'EmergencyAccess',
      scope: 'someone else’s emergency access',
      expected: 'refused',
      reason: 'NOT_YOURS',
    },
  ];
}

/**
 * Who reads the emergency accesses (break-glass) and reviews each (docs/domain.md, "Break-glass"): the ADM of the
 * child's authority and the auditors (a council's, those about its children). A review found NOT_JUSTIFIED and
 * lifting the bar it sets are stated by test/access/emergency-access.api.test.ts.
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
    {
      rule: `${who} reviews someone else’s emergency access to their authority’s child`,
      actor,
      action: 'update',
      subject: 'EmergencyAccess',
      scope: 'own authority',
      expected: 'allowed',
    },
    {
      rule: `${who} cannot review an emergency access to another authority’s child`,
      actor,
      action: 'update',
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
