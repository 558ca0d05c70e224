/**
 * Relationship facts a policy needs, loaded once per request (see facts-loader.ts), so that every rule
 * stays a condition on the subject's own columns and so converts to SQL. They are bounded by the actor's
 * own caseload (allocations, open agendas), never by the size of the data. The id sets serve the policy;
 * the records they come from name the fact that gave access, for the access log.
 */
export type OpenAgendaItem = { id: string; childId: string | null; householdId: string; matchId: string | null };
export type LiveAllocation = { id: string; childId: string };

export type ScopeFacts = {
  /** The actor's live allocations as family finder. */
  allocations: readonly LiveAllocation[];
  /** Agenda items of the actor's panels whose papers are open today. */
  openAgendaItems: readonly OpenAgendaItem[];
  /** Children allocated to the actor. */
  allocatedChildIds: readonly string[];
  /** Children, households and matches on those open agenda items. */
  panelChildIds: readonly string[];
  panelHouseholdIds: readonly string[];
  panelMatchIds: readonly string[];
};

/** Facts derived from the records they come from. */
export function scopeFacts(
  allocations: readonly LiveAllocation[],
  openAgendaItems: readonly OpenAgendaItem[],
): ScopeFacts {
  const distinct = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];
  return {
    allocations,
    openAgendaItems,
    allocatedChildIds: allocations.map((a) => a.childId),
    panelChildIds: distinct(openAgendaItems.map((i) => i.childId)),
    panelHouseholdIds: distinct(openAgendaItems.map((i) => i.householdId)),
    panelMatchIds: distinct(openAgendaItems.map((i) => i.matchId)),
  };
}

export const NO_FACTS: ScopeFacts = scopeFacts([], []);
