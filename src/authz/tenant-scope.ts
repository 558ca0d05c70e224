import type { Actor } from './actor';
import { AUTHORITIES, type Authority, type Role } from './vocabulary';

/**
 * The authorities whose tenant-owned rows an actor may ever touch: the coarse dimension the
 * database restates (`app.authorities`) beneath the per-row rules of the policy.
 */
const TENANT_REACH: Record<Role, (authority: Authority | null) => readonly Authority[]> = {
  ADM: (authority) => (authority ? [authority] : []),
  PPM_LEAD: (authority) => (authority ? [authority] : []),
  FAMILY_FINDER: () => AUTHORITIES,
  PANEL_MEMBER: () => AUTHORITIES,
  SUPPORT_WORKER: () => AUTHORITIES,
  BOARD_DIRECTOR: () => [],
  AUDITOR: () => [],
};

export function tenantAuthoritiesOf(actor: Actor): Authority[] {
  const reach = new Set<Authority>();
  for (const { role, authority } of actor.assignments) {
    for (const a of TENANT_REACH[role](authority)) reach.add(a);
  }
  return AUTHORITIES.filter((a) => reach.has(a));
}
