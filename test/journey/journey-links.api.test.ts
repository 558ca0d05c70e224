import { insertChildAt, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * A screen follows the journey's links, each read under the caller's own policy: a placement to the family the
 * child lives with, an ADM's match decision to the match it decided.
 */
let placed: ChildJourney;
const api = useTestApi(async ({ dataSource }) => {
  placed = await insertChildAt(dataSource, 'KENT', 'PLACED');
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
