import type { AgendaItemKind } from './vocabulary';

/** Agenda items about a household alone: its approval (or dual approval), the review of its approval, its termination. */
export const HOUSEHOLD_ITEM_KINDS = [
  'ADOPTER_APPROVAL',
  'EARLY_PERMANENCE_DUAL_APPROVAL',
  'APPROVAL_REVIEW',
  'TERMINATION',
] as const satisfies readonly Exclude<AgendaItemKind, 'MATCH'>[];
const aboutAHousehold = (kind: AgendaItemKind) => (HOUSEHOLD_ITEM_KINDS as readonly AgendaItemKind[]).includes(kind);

/**
 * Relationship facts a policy needs, loaded once per request (see facts-loader.ts), so that every rule
 * stays a condition on the subject's own columns and so converts to SQL. They are bounded by the actor's
 * own caseload (allocations, open agendas), never by the size of the data. The id sets serve the policy;
 * the records they come from name the fact that gave access, for the access log.
 */
export type OpenAgendaItem = {
  id: string;
  kind: AgendaItemKind;
  childId: string | null;
  householdId: string;
  matchId: string | null;
};

export type LiveAllocation = { id: string; childId: string };

/** An emergency access (break-glass) of the actor's, live at the request's instant. */
export type EmergencyGrant = { id: string; childId: string };

/** An item a panel the actor sat on (on the meeting's day) has recommended on: the match, or the household. */
export type HeardItem = { matchId: string | null; householdId: string };

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
  /** Children on open MATCH items: the panel considering the match reads the child's permanence report. */
  panelMatchChildIds: readonly string[];
  /** Households on open approval, review or termination items: the panel recommending on them reads their DBS outcome. */
  panelApprovalHouseholdIds: readonly string[];
  /** Matches and households a panel recommended on while the actor sat on it: as a decision maker, not theirs to decide. */
  heardMatchIds: readonly string[];
  heardHouseholdIds: readonly string[];
  /** Open items the actor declared an interest in: their case (child, household, match) is closed to them. */
  declaredItemIds: readonly string[];
  /** Restricted children whose restriction names the actor. */
  namedRestrictedChildIds: readonly string[];
  /** The actor's live emergency accesses, and the children they reach. */
  emergencyGrants: readonly EmergencyGrant[];
  emergencyChildIds: readonly string[];
  /** A review found an emergency access of the actor's not justified, and the bar is not lifted. */
  emergencyAccessBarred: boolean;
};

/**
 * Facts derived from the records they come from. A declared interest closes the item's case to the actor: its
 * child, household and match leave the panel's facts, even where another open item names them too.
 */
export function scopeFacts(
  allocations: readonly LiveAllocation[],
  agendaItems: readonly OpenAgendaItem[],
  heardItems: readonly HeardItem[] = [],
  declaredItems: readonly OpenAgendaItem[] = [],
  namedRestrictedChildIds: readonly string[] = [],
  emergencyGrants: readonly EmergencyGrant[] = [],
  emergencyAccessBarred = false,
): ScopeFacts {
  const distinct = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];
  const declaredItemIds = distinct(declaredItems.map((i) => i.id));
  const closed = new Set(distinct(declaredItems.flatMap((i) => [i.childId, i.householdId, i.matchId])));
  const open = (ids: (string | null)[]) => distinct(ids).filter((id) => !closed.has(id));
  const openAgendaItems = agendaItems.filter((i) => !declaredItemIds.includes(i.id));
  return {
    allocations,
    openAgendaItems,
    allocatedChildIds: allocations.map((a) => a.childId),
    panelChildIds: open(openAgendaItems.map((i) => i.childId)),
    panelHouseholdIds: open(openAgendaItems.map((i) => i.householdId)),
    panelMatchIds: open(openAgendaItems.map((i) => i.matchId)),
    panelMatchChildIds: open(openAgendaItems.filter((i) => i.kind === 'MATCH').map((i) => i.childId)),
    panelApprovalHouseholdIds: open(openAgendaItems.filter((i) => aboutAHousehold(i.kind)).map((i) => i.householdId)),
    heardMatchIds: distinct(heardItems.map((i) => i.matchId)),
    heardHouseholdIds: distinct(heardItems.filter((i) => i.matchId === null).map((i) => i.householdId)),
    declaredItemIds,
    namedRestrictedChildIds,
    emergencyGrants,
    emergencyChildIds: distinct(emergencyGrants.map((g) => g.childId)),
    emergencyAccessBarred,
  };
}

export const NO_FACTS: ScopeFacts = scopeFacts([], []);
