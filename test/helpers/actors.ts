import { demoStaff } from '../../seeds/demo-staff';
import type { Actor } from '../../src/authz/actor';

/** The policy's view of a demo member of staff. */
export function actorOf(username: string): Actor {
  const s = demoStaff(username);
  return { staffId: s.id, username: s.username, displayName: s.displayName, assignments: s.assignments };
}
