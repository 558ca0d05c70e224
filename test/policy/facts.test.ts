import { NO_FACTS, scopeFacts, type OpenAgendaItem } from '../../src/authz/facts';

/**
 * The facts a request opens with (src/authz/facts.ts), from the records they come from: what an allocation, an open
 * agenda item, a heard item, a declared interest and an emergency access each give the policy to read.
 */
const MATCH_ITEM: OpenAgendaItem = { id: 'item-1', kind: 'MATCH', childId: 'child-1', householdId: 'household-1', matchId: 'match-1' };
const APPROVAL_ITEM: OpenAgendaItem = { id: 'item-2', kind: 'ADOPTER_APPROVAL', childId: null, householdId: 'household-2', matchId: null };
const householdItem = (kind: OpenAgendaItem['kind'], n: number): OpenAgendaItem => ({
  id: `item-${kind}`,
  kind,
  childId: null,
  householdId: `household-${n}`,
  matchId: null,
});

describe('what the facts hold', () => {
  it('an allocation gives its child, and the allocation itself for the access log', () => {
    const allocation = { id: 'allocation-1', childId: 'child-1' };
    const facts = scopeFacts([allocation], []);
    expect(facts.allocatedChildIds).toEqual(['child-1']);
    expect(facts.allocations).toEqual([allocation]);
  });

  it('an open MATCH item gives its child, household and match; the child’s permanence report is before the panel', () => {
    const facts = scopeFacts([], [MATCH_ITEM]);
    expect(facts).toMatchObject({
      openAgendaItems: [MATCH_ITEM],
      panelChildIds: ['child-1'],
      panelHouseholdIds: ['household-1'],
      panelMatchIds: ['match-1'],
      panelMatchChildIds: ['child-1'],
      panelApprovalHouseholdIds: [],
    });
  });

  it('an item about a household alone (approval, dual approval, review, termination) puts its DBS outcome before the panel', () => {
    const kinds = ['ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL', 'APPROVAL_REVIEW', 'TERMINATION'] as const;
    const facts = scopeFacts(
      [],
      kinds.map((kind, i) => householdItem(kind, i)),
    );
    expect(facts.panelApprovalHouseholdIds).toEqual(['household-0', 'household-1', 'household-2', 'household-3']);
    expect(facts).toMatchObject({ panelChildIds: [], panelMatchIds: [], panelMatchChildIds: [] });
  });

  it('a record on two open items is named once', () => {
    const again = { ...MATCH_ITEM, id: 'item-3' };
    expect(scopeFacts([], [MATCH_ITEM, again])).toMatchObject({ panelChildIds: ['child-1'], panelMatchIds: ['match-1'] });
  });

  it('a heard match is not its ADM’s to decide; a heard household (an item about it alone) not the partnership ADM’s', () => {
    const facts = scopeFacts(
      [],
      [],
      [
        { matchId: 'match-1', householdId: 'household-1' },
        { matchId: null, householdId: 'household-2' },
      ],
    );
    expect(facts.heardMatchIds).toEqual(['match-1']);
    expect(facts.heardHouseholdIds).toEqual(['household-2']);
  });

  it('a declared interest closes its item and its case to the declarer, even where another open item names them', () => {
    const other = { ...MATCH_ITEM, id: 'item-3' };
    const facts = scopeFacts([], [MATCH_ITEM, other, APPROVAL_ITEM], [], [MATCH_ITEM]);
    expect(facts.declaredItemIds).toEqual(['item-1']);
    expect(facts.openAgendaItems).toEqual([other, APPROVAL_ITEM]);
    expect(facts).toMatchObject({
      panelChildIds: [],
      panelMatchIds: [],
      panelMatchChildIds: [],
      panelHouseholdIds: ['household-2'],
      panelApprovalHouseholdIds: ['household-2'],
    });
  });

  it('a restriction naming the actor, their live emergency accesses and a bar pass through; a child reached twice is named once', () => {
    const grants = [
      { id: 'access-1', childId: 'child-9' },
      { id: 'access-2', childId: 'child-9' },
    ];
    const facts = scopeFacts([], [], [], [], ['child-8'], grants, true);
    expect(facts).toMatchObject({ namedRestrictedChildIds: ['child-8'], emergencyGrants: grants, emergencyChildIds: ['child-9'] });
    expect(facts.emergencyAccessBarred).toBe(true);
  });

  it('no facts: nothing allocated, on an agenda, heard, declared, named or reached, and no bar', () => {
    expect(NO_FACTS).toStrictEqual({
      allocations: [],
      openAgendaItems: [],
      allocatedChildIds: [],
      panelChildIds: [],
      panelHouseholdIds: [],
      panelMatchIds: [],
      panelMatchChildIds: [],
      panelApprovalHouseholdIds: [],
      heardMatchIds: [],
      heardHouseholdIds: [],
      declaredItemIds: [],
      namedRestrictedChildIds: [],
      emergencyGrants: [],
      emergencyChildIds: [],
      emergencyAccessBarred: false,
    });
  });
});
