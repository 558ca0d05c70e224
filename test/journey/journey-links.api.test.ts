import { insertChildAt, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * A screen follows the journey's links, each read under the caller's own policy: a placement to the family the
 * child lives with, an ADM's match decision to the match it decided.
 */
let placed: ChildJourney;
let placedInMedway: ChildJourney;
const api = useTestApi(async ({ dataSource }) => {
  placed = await insertChildAt(dataSource, 'KENT', 'PLACED');
  placedInMedway = await insertChildAt(dataSource, 'MEDWAY', 'PLACED');
});

const LINKS = (childId: string) => `{ child(id: "${childId}") {
  placements { householdId household { id reference redactedFields } }
  decisions { kind matchId match { id status childId householdId } }
} }`;

it.each(['adm.kent', 'ppm.kent'])('%s follows a placement to the household the child is placed with', async (username) => {
  const { data, errors } = await api().as(username)(LINKS(placed.child.id));
  expect(errors).toBeUndefined();
  expect(data!.child.placements).toEqual([
    {
      householdId: placed.household!.id,
      household: expect.objectContaining({ id: placed.household!.id, reference: placed.household!.reference }),
    },
  ]);
});

it('the child’s ADM follows a match decision to the match it decided; the adoption-plan decision has none', async () => {
  const { data, errors } = await api().as('adm.kent')(LINKS(placed.child.id));
  expect(errors).toBeUndefined();
  const byKind = Object.fromEntries(data!.child.decisions.map((d: { kind: string }) => [d.kind, d]));
  expect(byKind.ADOPTION_PLAN).toMatchObject({ matchId: null, match: null });
  expect(byKind.MATCH).toMatchObject({
    matchId: placed.match!.id,
    match: { id: placed.match!.id, status: 'PLACED', childId: placed.child.id, householdId: placed.household!.id },
  });
});

const BREAK_GLASS = `mutation ($input: RequestEmergencyAccessInput!) { requestEmergencyAccess(input: $input) { id } }`;
const PAGE = `{ children(first: 50) { edges { node { id placements { id childId householdId household { id reference applicants { lastName } } } } } } }`;

it('a placement the caller reads whose household is out of their reach has household null: no error, the rest of the page intact, nothing of the household', async () => {
  // Kent's PPM lead breaks glass on a Medway child: its placement is theirs to read, the Medway family is not.
  const glass = await api().as('ppm.kent')(BREAK_GLASS, {
    input: { childId: placedInMedway.child.id, reason: 'the child has gone missing' },
  });
  expect(glass.errors).toBeUndefined();
  const { data, errors } = await api().as('ppm.kent')(PAGE);
  expect(errors).toBeUndefined();
  const placements = Object.fromEntries(
    data!.children.edges.map(({ node }: { node: { id: string; placements: unknown[] } }) => [node.id, node.placements]),
  );
  expect(placements[placedInMedway.child.id]).toEqual([
    { id: placedInMedway.placement!.id, childId: placedInMedway.child.id, householdId: placedInMedway.household!.id, household: null },
  ]);
  expect(placements[placed.child.id]).toEqual([
    expect.objectContaining({ household: expect.objectContaining({ id: placed.household!.id }) }),
  ]);
  expect(JSON.stringify(data)).not.toContain(placedInMedway.household!.reference);
  const { errors: lookup } = await api().as('ppm.kent')(`{ household(id: "${placedInMedway.household!.id}") { id } }`);
  expect(lookup![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
});
