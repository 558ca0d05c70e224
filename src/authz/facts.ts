/**
 * Relationship facts a policy needs, loaded once per request as id sets (see facts-loader.ts), so
 * that every rule stays a condition on the subject's own columns and so converts to SQL.
 */
export type ScopeFacts = {
  /** Children allocated to the actor as family finder (live allocations). */
  allocatedChildIds: readonly string[];
  /** Children, households and matches on agenda items of the actor's panels whose papers are open today. */
  panelChildIds: readonly string[];
  panelHouseholdIds: readonly string[];
  panelMatchIds: readonly string[];
  /** Households proposed in a match for a child of an authority where the actor is ADM or PPM lead. */
  proposedHouseholdIds: readonly string[];
};

export const NO_FACTS: ScopeFacts = {
  allocatedChildIds: [],
  panelChildIds: [],
  panelHouseholdIds: [],
  panelMatchIds: [],
  proposedHouseholdIds: [],
};
