import { insertChildAt, insertHousehold, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { itRefusesWithoutWrites, M, ppmStepRefusals } from './journey-api';

/**
 * Where the child lives, and the exits (docs/domain.md, "The child's journey"): the PPM lead records the
 * early-permanence and adoptive placements, the adoption order, a change of plan and a disruption.
 */
let linkedForEarlyPermanence: ChildJourney;
let matched: ChildJourney;
let placed: ChildJourney;
let decided: ChildJourney;

const api = useTestApi(async ({ dataSource }) => {
  const carers = await insertHousehold(dataSource, { earlyPermanence: true });
  linkedForEarlyPermanence = await insertChildAt(dataSource, 'KENT', 'LINKED', {
    household: carers,
    placementOrder: false,
  });
  matched = await insertChildAt(dataSource, 'KENT', 'MATCHED');
  placed = await insertChildAt(dataSource, 'KENT', 'PLACED');
  decided = await insertChildAt(dataSource, 'KENT', 'SHOULD_BE_PLACED');
}, '2026-11-20T12:00:00Z');

describe('recordEarlyPermanencePlacement', () => {
  it('a Kent PPM lead places a Kent child with linked, dually approved carers before authority to place', async () => {
    const carers = await insertHousehold(api().dataSource, { earlyPermanence: true });
    const { child, match } = await insertChildAt(api().dataSource, 'KENT', 'LINKED', {
      household: carers,
      placementOrder: false,
    });
    const input = { childId: child.id, householdId: carers.id, placedOn: '2026-11-16' };
    const { data, errors } = await api().as('ppm.kent')(M.recordEarlyPermanencePlacement, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordEarlyPermanencePlacement).toMatchObject({
      earlyPermanencePlacedOn: '2026-11-16',
      placementOrderGrantedOn: null,
      placements: [{ kind: 'EARLY_PERMANENCE', householdId: carers.id, matchId: match!.id, placedOn: '2026-11-16', endedOn: null }],
      version: child.version + 1,
    });
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('record an early-permanence placement'), M.recordEarlyPermanencePlacement, () => ({
    input: {
      childId: linkedForEarlyPermanence.child.id,
      householdId: linkedForEarlyPermanence.household!.id,
      placedOn: '2026-11-16',
    },
  }));
});

describe('recordPlacement', () => {
  it('a Kent PPM lead places a matched Kent child with the approved family: the child is placed', async () => {
    const { child, household, match } = await insertChildAt(api().dataSource, 'KENT', 'MATCHED');
    const { data, errors } = await api().as('ppm.kent')(M.recordPlacement, {
      input: { childId: child.id, placedOn: '2026-11-02' },
    });
    expect(errors).toBeUndefined();
    expect(data!.recordPlacement).toMatchObject({
      stage: 'PLACED',
      placedOn: '2026-11-02',
      placements: [
        {
          kind: 'ADOPTIVE',
          householdId: household!.id,
          matchId: match!.id,
          placedOn: '2026-11-02',
          movedInOn: '2026-11-02',
        },
      ],
      matches: [{ id: match!.id, status: 'PLACED' }],
    });
  });

  it('an early-permanence placement with the matched family converts in place: the child moved in on its first day', async () => {
    const dates = { placementOrderGrantedOn: '2025-08-01' };
    const journey = await insertChildAt(api().dataSource, 'KENT', 'MATCHED', {
      earlyPermanence: true,
      placementOrder: true,
      dates,
    });
    const input = { childId: journey.child.id, placedOn: '2026-11-02' };
    const { data, errors } = await api().as('ppm.kent')(M.recordPlacement, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordPlacement).toMatchObject({
      stage: 'PLACED',
      placedOn: '2026-11-02',
      earlyPermanencePlacedOn: '2025-07-07',
    });
    expect(data!.recordPlacement.placements).toEqual([
      expect.objectContaining({
        kind: 'ADOPTIVE',
        convertedOn: '2026-11-02',
        movedInOn: '2025-07-07',
        householdId: journey.household!.id,
      }),
    ]);
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('record a placement'), M.recordPlacement, () => ({
    input: { childId: matched.child.id, placedOn: '2026-11-02' },
  }));
});

describe('recordAdoptionOrder', () => {
  it('a Kent PPM lead records the adoption order of a placed Kent child: the child is adopted, its match too, and the record sealed', async () => {
    const { child, match } = await insertChildAt(api().dataSource, 'KENT', 'PLACED');
    const { data, errors } = await api().as('ppm.kent')(M.recordAdoptionOrder, {
      input: { childId: child.id, grantedOn: '2026-11-20' },
    });
    expect(errors).toBeUndefined();
    // Sealed: the link with the adoptive household is the ADM's now, not the PPM lead's.
    expect(data!.recordAdoptionOrder).toMatchObject({
      stage: 'ADOPTED',
      adoptionOrderGrantedOn: '2026-11-20',
      matches: [],
      version: child.version + 1,
    });
    const seen = await api().as('adm.kent')(`query ($id: ID!) { child(id: $id) { matches { id status } } }`, { id: child.id });
    expect(seen.data!.child.matches).toEqual([{ id: match!.id, status: 'ADOPTED' }]);
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('record an adoption order'), M.recordAdoptionOrder, () => ({
    input: { childId: placed.child.id, grantedOn: '2026-11-20' },
  }));
});

describe('recordPlanChange', () => {
  it('a Kent PPM lead records that adoption is no longer the plan: the plan decision is rescinded, with the reason', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED');
    const input = { childId: child.id, changedOn: '2026-11-10', reason: 'returning to birth family' };
    const { data, errors } = await api().as('ppm.kent')(M.recordPlanChange, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordPlanChange).toMatchObject({
      stage: 'PLAN_CHANGED',
      planChangedOn: '2026-11-10',
      planChangeReason: 'returning to birth family',
      decisions: [{ kind: 'ADOPTION_PLAN', rescindedOn: '2026-11-10' }],
    });
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('record a plan change'), M.recordPlanChange, () => ({
    input: { childId: decided.child.id, changedOn: '2026-11-10', reason: 'returning to birth family' },
  }));
});

describe('recordDisruption', () => {
  it('a Kent PPM lead records a disruption and its meeting: the placement ends and the child is disrupted', async () => {
    const { child, placement } = await insertChildAt(api().dataSource, 'KENT', 'PLACED');
    const input = {
      childId: child.id,
      disruptedOn: '2026-11-03',
      meetingOn: '2026-11-17',
      reason: 'the placement broke down',
    };
    const { data, errors } = await api().as('ppm.kent')(M.recordDisruption, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordDisruption).toMatchObject({
      stage: 'DISRUPTED',
      disruptedOn: '2026-11-03',
      disruptions: [{ disruptedOn: '2026-11-03', meetingOn: '2026-11-17', reason: 'the placement broke down' }],
      placements: [{ placedOn: placement!.placedOn, endedOn: '2026-11-03' }],
    });
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('record a disruption'), M.recordDisruption, () => ({
    input: {
      childId: placed.child.id,
      disruptedOn: '2026-11-03',
      meetingOn: '2026-11-17',
      reason: 'the placement broke down',
    },
  }));
});
