import type { Authority } from '../../../src/authz/vocabulary';
import type { Scope } from './scopes';
import type { Row } from './types';

/**
 * The staff directory rows that several roles share (docs/domain.md, "The staff directory"): reading one's own entry
 * and roles alone, and, for a panel's chair, vice chair and adviser, its members and seats.
 */

/**
 * `who` reads their own entry and roles, and is refused as not theirs in each scope of `entries` and `roles` (where
 * one is of another authority, `authority` names it).
 */
export function ownEntryAlone(who: string, actor: string, refused: { entries: Scope[]; roles: Scope[]; authority?: Authority }): Row[] {
  const { entries, roles, authority } = refused;
  const mine = {
    actor,
    action: 'read',
    scope: 'themselves',
    expected: 'allowed-if',
    condition: 'it is theirs',
    reason: 'NOT_YOURS',
  } as const;
  return [
    {
      ...mine,
      rule: `${who} reads their own entry in the staff directory, and no colleague’s`,
      subject: 'StaffMember',
      otherwise: entries,
      authority,
    },
    { ...mine, rule: `${who} reads their own roles, and no colleague’s`, subject: 'RoleAssignment', otherwise: roles, authority },
  ];
}

/** A panel officer reads who sits on their panel today and its seats, not another panel's. */
export function theirPanelsMembers(who: string, actor: string): Row[] {
  const seat = { actor, action: 'read', scope: 'a member of their panel', expected: 'allowed-if', reason: 'NOT_YOUR_PANEL' } as const;
  return [
    {
      ...seat,
      rule: `${who} reads the directory entries of their panel’s members`,
      subject: 'StaffMember',
      condition: 'they sit on the panel today',
      otherwise: ['a member of another panel', 'partnership-wide'],
    },
    {
      ...seat,
      rule: `${who} reads the seats of their panel`,
      subject: 'RoleAssignment',
      condition: 'a seat on their panel',
      otherwise: ['a member of another panel'],
    },
  ];
}
