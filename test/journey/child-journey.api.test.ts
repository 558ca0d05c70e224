import { demoStaff } from '../../seeds/demo-staff';
import type { ChildRecord } from '../../src/journey/child.entity';
import { insertChildAt } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { forbidden, itRefusesWithoutWrites, M, neverReadChildren, notFound, ppmStepRefusals, Q, type Refusal } from './journey-api';

/**
 * The first steps of a child's journey (docs/domain.md, "Who records what"): the PPM lead keeps the record,
 * allocates a family finder and records the placement order; the child's ADM decides adoption is the plan.
 */
let considering: ChildRecord;
let decided: ChildRecord;

const api = useTestApi(async ({ dataSource }) => {
  considering = (await insertChildAt(dataSource, 'KENT', 'CONSIDERING_ADOPTION')).child;
  decided = (await insertChildAt(dataSource, 'KENT', 'SHOULD_BE_PLACED', { finder: 'finder.1' })).child;
}, '2026-11-20T12:00:00Z');

describe('updateChild', () => {
  it('a Kent PPM lead corrects a Kent child’s details; only the fields given change, and the version moves on', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED');
    const input = { childId: child.id, version: child.version, lastName: 'Corrected', healthNeeds: 'asthma' };
    const { data, errors } = await api().as('ppm.kent')(M.updateChild, { input });
    expect(errors).toBeUndefined();
    expect(data!.updateChild).toMatchObject({
      lastName: 'Corrected',
      healthNeeds: 'asthma',
      firstName: child.firstName,
      version: child.version + 1,
    });
    const read = await api().as('adm.kent')(Q.child, { id: child.id });
    expect(read.data!.child).toMatchObject({ lastName: 'Corrected', healthNeeds: 'asthma', stage: 'SHOULD_BE_PLACED' });
  });

  const refusals: Refusal[] = [
    forbidden('a Kent ADM cannot update a Kent child’s record: the PPM lead keeps it', 'adm.kent', 'ROLE_MAY_NOT_UPDATE'),
    forbidden('the allocated family finder cannot update the child’s record', 'finder.1', 'ROLE_MAY_NOT_UPDATE'),
    notFound('a Medway PPM lead cannot update a Kent child', 'ppm.medway'),
    notFound('a Bexley PPM lead cannot update a Kent child', 'ppm.bexley'),
    notFound('a Medway ADM cannot update a Kent child', 'adm.medway'),
    notFound('a family finder not allocated to the child cannot update it', 'finder.2'),
    notFound('a panel chair with the child on no agenda cannot update it', 'panel.1'),
    ...neverReadChildren('update a child'),
  ];
  itRefusesWithoutWrites(api, refusals, M.updateChild, () => ({ input: { childId: decided.id, lastName: 'Changed' } }));
});

describe('recordAdoptionPlanDecision', () => {
  it('a Kent ADM decides a Kent child should be placed for adoption: stage, date and decision follow', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'CONSIDERING_ADOPTION');
    const input = { childId: child.id, decidedOn: '2026-11-20', rationale: 'no prospect of return home' };
    const { data, errors } = await api().as('adm.kent')(M.recordAdoptionPlanDecision, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordAdoptionPlanDecision).toMatchObject({
      stage: 'SHOULD_BE_PLACED',
      adoptionPlanDecidedOn: '2026-11-20',
      version: child.version + 1,
      decisions: [
        {
          kind: 'ADOPTION_PLAN',
          outcome: 'APPROVED',
          decidedOn: '2026-11-20',
          rationale: 'no prospect of return home',
          rescindedOn: null,
        },
      ],
    });
  });

  it.each(['adm.bexley', 'adm.medway'] as const)('the ADM of each authority decides for its own children (%s)', async (username) => {
    const authority = username === 'adm.bexley' ? 'BEXLEY' : 'MEDWAY';
    const { child } = await insertChildAt(api().dataSource, authority, 'CONSIDERING_ADOPTION');
    const input = { childId: child.id, decidedOn: '2026-10-01', rationale: 'adoption is the plan' };
    const { data, errors } = await api().as(username)(M.recordAdoptionPlanDecision, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordAdoptionPlanDecision).toMatchObject({
      authority,
      stage: 'SHOULD_BE_PLACED',
      adoptionPlanDecidedOn: '2026-10-01',
    });
  });

  const refusals: Refusal[] = [
    forbidden('a Kent PPM lead cannot decide a Kent adoption plan: PPM leads decide nothing', 'ppm.kent', 'ROLE_MAY_NOT_DECIDE'),
    notFound('a Medway ADM cannot decide for a Kent child', 'adm.medway'),
    notFound('a Bexley ADM cannot decide for a Kent child', 'adm.bexley'),
    notFound('a Medway PPM lead cannot decide for a Kent child', 'ppm.medway'),
    notFound('a family finder cannot decide for a child not allocated to them', 'finder.1'),
    notFound('a panel chair with the child on no agenda cannot decide', 'panel.1'),
    ...neverReadChildren('decide an adoption plan'),
  ];
  itRefusesWithoutWrites(api, refusals, M.recordAdoptionPlanDecision, () => ({
    input: { childId: considering.id, decidedOn: '2026-11-02', rationale: 'adoption is the plan' },
  }));
});

describe('allocateFamilyFinder', () => {
  it('a Kent PPM lead allocates a family finder, who then reads the child (and the earlier finder no longer does)', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED', { finder: 'finder.1' });
    const input = { childId: child.id, familyFinderId: demoStaff('finder.2').id, allocatedOn: '2026-11-19' };
    const { data, errors } = await api().as('ppm.kent')(M.allocateFamilyFinder, { input });
    expect(errors).toBeUndefined();
    expect(data!.allocateFamilyFinder).toMatchObject({
      familyFinder: { id: demoStaff('finder.2').id },
      version: child.version + 1,
    });
    expect((await api().as('finder.2')(Q.child, { id: child.id })).data!.child.id).toBe(child.id);
    expect((await api().as('finder.1')(Q.child, { id: child.id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('allocate a family finder'), M.allocateFamilyFinder, () => ({
    input: { childId: decided.id, familyFinderId: demoStaff('finder.2').id, allocatedOn: '2026-11-19' },
  }));
});

describe('recordPlacementOrder', () => {
  it('a Kent PPM lead records a Kent placement order: the child has authority to place', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED');
    const { data, errors } = await api().as('ppm.kent')(M.recordPlacementOrder, {
      input: { childId: child.id, grantedOn: '2026-11-18' },
    });
    expect(errors).toBeUndefined();
    expect(data!.recordPlacementOrder).toMatchObject({
      stage: 'AUTHORITY_TO_PLACE',
      placementOrderGrantedOn: '2026-11-18',
      placementOrder: { basis: 'PLACEMENT_ORDER', grantedOn: '2026-11-18' },
      version: child.version + 1,
    });
  });

  it('formal parental consent is recorded as authority to place too', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED');
    const input = { childId: child.id, grantedOn: '2026-11-18', basis: 'CONSENT' };
    const { data, errors } = await api().as('ppm.kent')(M.recordPlacementOrder, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordPlacementOrder).toMatchObject({
      stage: 'AUTHORITY_TO_PLACE',
      placementOrder: { basis: 'CONSENT' },
    });
  });

  itRefusesWithoutWrites(api, ppmStepRefusals('record a placement order'), M.recordPlacementOrder, () => ({
    input: { childId: decided.id, grantedOn: '2026-11-18' },
  }));
});
