import type { Row } from './types';
import { EVERY_CLASS } from './types';

/**
 * The restricted-record rows every role shares (docs/domain.md, "Restricted records"): whoever the child's ADM names
 * on a restriction reads the child whole and the restriction, whatever their role; a child restricted to others is
 * out of their reach, as a missing one is.
 */
export function namedOnARestriction(who: string, actor: string): Row[] {
  return [
    {
      rule: `${who} reads a restricted child whole when its ADM names them, and not otherwise`,
      actor,
      action: 'read',
      subject: 'Child',
      scope: 'restricted, naming them',
      expected: 'allowed-if',
      condition: 'the restriction names them',
      otherwise: ['restricted, naming others'],
      sees: EVERY_CLASS,
      reason: 'RESTRICTED_RECORD',
    },
    {
      rule: `${who} reads a restriction that names them, and no other`,
      actor,
      action: 'read',
      subject: 'ChildRestriction',
      scope: 'restricted, naming them',
      expected: 'allowed-if',
      condition: 'the restriction names them',
      otherwise: ['restricted, naming others'],
    },
  ];
}

/** The board, the auditors and the access administrator read no child's record: an ADM cannot name them on one. */
export function neverNamed(who: string, actor: string): Row[] {
  return [
    {
      rule: `${who} cannot read a restricted child even where its restriction names them`,
      actor,
      action: 'read',
      subject: 'Child',
      scope: 'restricted, naming them',
      expected: 'refused',
      reason: 'ROLE_MAY_NOT_READ',
    },
    {
      rule: `${who} cannot read a restriction, even one that names them`,
      actor,
      action: 'read',
      subject: 'ChildRestriction',
      scope: 'restricted, naming them',
      expected: 'refused',
      reason: 'ROLE_MAY_NOT_READ',
    },
  ];
}
