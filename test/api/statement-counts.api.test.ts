import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { demoStaff } from '../../seeds/demo-staff';
import { insertChildren } from '../helpers/factories';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting } from '../helpers/journey-factories';
import { countStatements } from '../helpers/statement-counter';
import { useTestApi } from '../helpers/test-api';

/** Relations load through per-request DataLoaders: a list's statements do not grow with its page size. */
const LIST_WITH_RELATIONS = `query ($first: Int) {
  children(first: $first) {
    totalCount
    edges { node { id firstName familyFinder { displayName } decisions { kind decidedOn } placementOrder { grantedOn }
                   placements { placedOn } matches { status } disruptions { disruptedOn } } }
  }
}`;

const api = useTestApi(async ({ dataSource }) => {
  const children = await insertChildren(dataSource, 'KENT', 60);
  for (const child of children) {
    await dataSource.getRepository(ChildDecisionRecord).insert({
      childId: child.id,
      authority: 'KENT',
      kind: 'ADOPTION_PLAN',
      outcome: 'APPROVED',
      decidedOn: '2022-03-01',
      rationale: 'adoption is in the child’s best interests',
      decidedBy: demoStaff('adm.kent').id,
    });
    await dataSource.getRepository(AllocationRecord).insert({
      childId: child.id,
      authority: 'KENT',
      familyFinderId: demoStaff('finder.1').id,
      allocatedOn: '2022-03-02',
      allocatedBy: demoStaff('ppm.kent').id,
    });
  }
  // Matches and households the panel has recommended on, for the decision makers' reads of the recommendations.
  const meeting = await insertPanelMeeting(dataSource, { panel: 3, meetingOn: '2026-10-06' });
  for (let i = 0; i < 12; i += 1) {
    await insertChildAt(dataSource, 'KENT', 'MATCH_RECOMMENDED');
    await insertAgendaItem(dataSource, {
      meeting,
      household: await insertHousehold(dataSource, { stage: 'PANEL' }),
      recommendation: 'POSITIVE',
    });
  }
});

async function statementsFor(first: number): Promise<number> {
  const { total } = await countStatements(api().dataSource, async () => {
    const { data, errors } = await api().as('adm.kent')(LIST_WITH_RELATIONS, { first });
    expect(errors).toBeUndefined();
    expect(data!.children.edges).toHaveLength(first);
    expect(data!.children.edges[0].node.familyFinder.displayName).toMatch(/Rachel Green/);
  });
  return total;
}

it('a page of 50 children with six relations costs as many statements as a page of 5', async () => {
  const small = await statementsFor(5);
  const large = await statementsFor(50);
  expect(large).toBe(small);
});

it('that count is one round trip of set-up, one per list, count and relation, and one for the access log with the commit', async () => {
  // set-up: begin with the actor (and rate count) and the facts; list; count; six relations + the family finder's name;
  // the access-log append with the commit
  expect(await statementsFor(5)).toBe(1 + 1 + 1 + 7 + 1);
});

describe('the panel’s recommendations load in one statement a page, whatever its size', () => {
  const statementsOf = async (username: string, query: string, first: number) => {
    const { total } = await countStatements(api().dataSource, async () => {
      const { data, errors } = await api().as(username)(query, { first });
      expect(errors).toBeUndefined();
      const nodes = Object.values(data!)[0].edges.map((e: { node: { panelRecommendation: unknown } }) => e.node);
      expect(nodes).toHaveLength(first);
      expect(nodes.every((node: { panelRecommendation: unknown }) => node.panelRecommendation !== null)).toBe(true);
    });
    return total;
  };
  // set-up; the list; the recommendations; the commit (nothing classified is read: no access-log append)
  const ONE_PER_PAGE = 1 + 1 + 1 + 1;

  it.each([
    ['on matches, as the ADM who decides them', 'adm.kent', 'matches(first: $first)'],
    ['on households, as the partnership ADM', 'adm.raa', 'households(first: $first, filter: { stage: PANEL })'],
  ])('%s', async (_case, username, list) => {
    const query = `query ($first: Int) { ${list} { edges { node { id panelRecommendation { recommendation meetingOn } } } } }`;
    expect(await statementsOf(username, query, 2)).toBe(ONE_PER_PAGE);
    expect(await statementsOf(username, query, 12)).toBe(ONE_PER_PAGE);
  });
});
