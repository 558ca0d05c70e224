import { ChildDecisionRecord } from '../../src/decisions/child-decision.entity';
import { AllocationRecord } from '../../src/children/allocation.entity';
import { demoStaff } from '../../seeds/demo-staff';
import { insertChildren } from '../helpers/factories';
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
