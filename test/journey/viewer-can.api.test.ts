import { demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import { insertChildAt, insertHousehold, type FixtureStage, type JourneyOptions } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { M } from './journey-api';
import { compareWithMutations, viewerCanAsking, type Subject } from './viewer-can-table';

/**
 * A child's `viewerCan`: for each step of the child's journey, true exactly when its mutation succeeds, over roles
 * and the child's stages (test/journey/viewer-can-table.ts).
 */
const TODAY = '2026-11-20';
const YESTERDAY = '2026-11-19';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;
const { askedOf, run } = viewerCanAsking(api);

/** One state per stage: a Kent child there, and the step's input for it. */
function atStages(
  stages: readonly FixtureStage[],
  field: string,
  mutation: string,
  input: (childId: string) => Promise<Record<string, unknown>> | Record<string, unknown>,
  options: JourneyOptions = {},
): Record<string, () => Promise<Subject>> {
  return Object.fromEntries(
    stages.map((stage) => [
      `a Kent child at ${stage}`,
      async () => {
        const { id } = (await insertChildAt(db(), 'KENT' as Authority, stage, options)).child;
        const given = await input(id);
        return { viewerCan: askedOf('child', id, field), mutate: run(mutation, { childId: id, ...given }) };
      },
    ]),
  );
}

const PPM_ROLES = ['ppm.kent', 'ppm.medway', 'adm.kent', 'finder.1'];
const earlyPermanenceCarers = () => insertHousehold(db(), { stage: 'APPROVED', earlyPermanence: true });

compareWithMutations({
  'updateChild (update)': {
    roles: PPM_ROLES,
    states: atStages(['CONSIDERING_ADOPTION', 'PLACED'], 'update', M.updateChild, () => ({ healthNeeds: 'reviewed' })),
  },
  'recordAdoptionPlanDecision (decideAdoptionPlan)': {
    roles: ['adm.kent', 'adm.medway', 'ppm.kent', 'finder.1'],
    states: atStages(['CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'PLACED'], 'decideAdoptionPlan', M.recordAdoptionPlanDecision, () => ({
      decidedOn: YESTERDAY,
      rationale: 'adoption meets the child’s needs',
    })),
  },
  'allocateFamilyFinder (allocateFamilyFinder)': {
    roles: PPM_ROLES,
    states: atStages(['CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'PLACED'], 'allocateFamilyFinder', M.allocateFamilyFinder, () => ({
      familyFinderId: demoStaff('finder.2').id,
      allocatedOn: YESTERDAY,
    })),
  },
  'recordPlacementOrder (recordPlacementOrder)': {
    roles: PPM_ROLES,
    states: atStages(
      ['CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'AUTHORITY_TO_PLACE'],
      'recordPlacementOrder',
      M.recordPlacementOrder,
      () => ({
        grantedOn: YESTERDAY,
      }),
    ),
  },
  'recordEarlyPermanencePlacement (recordEarlyPermanencePlacement), named carers': {
    roles: PPM_ROLES,
    states: atStages(
      ['CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'AUTHORITY_TO_PLACE'],
      'recordEarlyPermanencePlacement',
      M.recordEarlyPermanencePlacement,
      async () => ({ householdId: (await earlyPermanenceCarers()).id, placedOn: YESTERDAY, temporaryFosterCarerApprovalOn: YESTERDAY }),
    ),
  },
  'recordEarlyPermanencePlacement (recordEarlyPermanencePlacement), linked carers': {
    roles: PPM_ROLES,
    states: {
      'a Kent child linked with dually approved carers, before authority to place': async () => {
        const carers = await earlyPermanenceCarers();
        const { id } = (await insertChildAt(db(), 'KENT', 'LINKED', { household: carers, placementOrder: false })).child;
        return {
          viewerCan: askedOf('child', id, 'recordEarlyPermanencePlacement'),
          mutate: run(M.recordEarlyPermanencePlacement, { childId: id, householdId: carers.id, placedOn: YESTERDAY }),
        };
      },
    },
  },
  'proposeMatch (proposeMatch)': {
    roles: ['finder.1', 'finder.2', 'ppm.kent', 'adm.kent'],
    states: atStages(['SHOULD_BE_PLACED', 'AUTHORITY_TO_PLACE', 'LINKED', 'PLACED'], 'proposeMatch', M.proposeMatch, async () => ({
      householdId: (await insertHousehold(db(), { stage: 'APPROVED' })).id,
      proposedOn: YESTERDAY,
    })),
  },
  'recordPlacement (recordPlacement)': {
    roles: PPM_ROLES,
    states: atStages(['LINKED', 'MATCHED', 'PLACED'], 'recordPlacement', M.recordPlacement, () => ({ placedOn: YESTERDAY })),
  },
  'recordAdoptionOrder (recordAdoptionOrder)': {
    roles: PPM_ROLES,
    states: atStages(['MATCHED', 'PLACED'], 'recordAdoptionOrder', M.recordAdoptionOrder, () => ({ grantedOn: YESTERDAY })),
  },
  'recordPlanChange (recordPlanChange)': {
    roles: PPM_ROLES,
    states: {
      ...atStages(['SHOULD_BE_PLACED', 'LINKED', 'PLACED'], 'recordPlanChange', M.recordPlanChange, () => ({
        changedOn: YESTERDAY,
        reason: 'a return home is now the plan',
      })),
      ...Object.fromEntries(
        Object.values(
          atStages(['CONSIDERING_ADOPTION'], 'recordPlanChange', M.recordPlanChange, () => ({ changedOn: YESTERDAY, reason: 'again' }), {
            child: { stage: 'PLAN_CHANGED' },
          }),
        ).map((build) => ['a Kent child whose plan has changed already', build]),
      ),
    },
  },
  'recordDisruption (recordDisruption)': {
    roles: PPM_ROLES,
    states: atStages(['MATCHED', 'PLACED'], 'recordDisruption', M.recordDisruption, () => ({
      disruptedOn: '2026-11-18',
      meetingOn: YESTERDAY,
      reason: 'the placement broke down',
    })),
  },
  'restrictRecord (restrict)': {
    roles: ['adm.kent', 'adm.medway', 'ppm.kent', 'finder.1'],
    states: atStages(['SHOULD_BE_PLACED'], 'restrict', M.restrictRecord, () => ({
      category: 'HIGH_PROFILE',
      allowedStaffIds: [demoStaff('ppm.kent').id],
      reason: 'in the news',
      reviewBy: '2027-02-01',
    })),
  },
});
