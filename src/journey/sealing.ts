import type { RestrictionCategory } from '../authz/vocabulary';

/**
 * The adoption order seals the child's record (ADOPTION): its identity, birth family and adoptive placement are then
 * the ADM's and the staff they name. A record the ADM already restricted whole stays so. The database holds that an
 * adopted child is never left unrestricted (`adopted_children_are_sealed`).
 */
export function sealedAtAdoption(current: RestrictionCategory | null): RestrictionCategory {
  return current ?? 'ADOPTION';
}
