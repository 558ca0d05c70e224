/**
 * Relationship facts a policy needs, loaded once per request as id sets, so that every rule
 * stays a condition on the subject's own columns (and so converts to SQL).
 */
export type ScopeFacts = {
  /** Children allocated to the actor as family finder. */
  allocatedChildIds: readonly string[];
  /** Children on the agendas of the actor's panel meetings whose papers are open now. */
  panelChildIds: readonly string[];
};

export const NO_FACTS: ScopeFacts = { allocatedChildIds: [], panelChildIds: [] };
