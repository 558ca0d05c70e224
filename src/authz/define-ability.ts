import type { Actor } from './actor';
import { AppAbility, createAbilityBuilder } from './ability';
import type { ScopeFacts } from './facts';
import { accessAdminPolicy } from './policies/access-admin.policy';
import { admPolicy } from './policies/adm.policy';
import { auditorPolicy } from './policies/auditor.policy';
import { boardDirectorPolicy } from './policies/board-director.policy';
import { emergencyAccessPolicy } from './policies/emergency-access.policy';
import { familyFinderPolicy } from './policies/family-finder.policy';
import { ownEntryPolicy } from './policies/own-entry.policy';
import { panelMemberPolicy } from './policies/panel-member.policy';
import type { DefinePermissions } from './policies/policy';
import { ppmLeadPolicy } from './policies/ppm-lead.policy';
import { restrictedRecordsPolicy } from './policies/restricted-records.policy';
import { supportWorkerPolicy } from './policies/support-worker.policy';
import type { Role } from './vocabulary';

/** A Record, so that a new role cannot be added without deciding its policy. */
const POLICIES: Record<Role, DefinePermissions> = {
  ADM: admPolicy,
  PPM_LEAD: ppmLeadPolicy,
  FAMILY_FINDER: familyFinderPolicy,
  PANEL_MEMBER: panelMemberPolicy,
  SUPPORT_WORKER: supportWorkerPolicy,
  BOARD_DIRECTOR: boardDirectorPolicy,
  AUDITOR: auditorPolicy,
  ACCESS_ADMIN: accessAdminPolicy,
};

/**
 * The whole policy on a UK calendar day (YYYY-MM-DD; the access matrix states it with a symbolic day): pure, no
 * I/O, no clock. The abilities of several assignments add up, to what every member of staff may (their own entry);
 * the roles' rules come after it, so that a refusal names the rule of the role; then break-glass (emergency access);
 * restricted records narrow them all.
 */
export function defineAbilityFor(actor: Actor, facts: ScopeFacts, today: string): AppAbility {
  const builder = createAbilityBuilder();
  const input = { staffId: actor.staffId, facts, today };
  ownEntryPolicy(input, builder);
  for (const assignment of actor.assignments) {
    POLICIES[assignment.role](assignment, input, builder);
  }
  emergencyAccessPolicy(actor, input, builder);
  restrictedRecordsPolicy(actor, input, builder);
  return builder.build();
}
