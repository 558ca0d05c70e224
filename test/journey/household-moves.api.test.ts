import type { HouseholdStage } from '../../src/households/household-stage';
import { insertChildAt, insertHousehold } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectInvalidWithoutWrites, M } from './journey-api';

/**
 * A household moves only along its journey (src/households/household-stage.ts): a family finder advances it
 * through recruitment up to panel and never back; the closed stages are final. A move off the journey is
 * BAD_USER_INPUT naming the rule, and nothing is written.
 */
const api = useTestApi(undefined, '2026-11-20T12:00:00Z');

const backToEnquiry = (householdId: string) => ({
  input: { householdId, stage: 'ENQUIRY', enteredOn: '2026-11-12' },
});

describe('advanceHouseholdStage', () => {
  it.each<[string, HouseholdStage, RegExp]>([
    ['an approved', 'APPROVED', /from APPROVED a household moves only to/],
    ['a matched', 'MATCHED', /from MATCHED a household moves only to/],
    ['a placed', 'PLACED', /from PLACED a household moves only to/],
    ['a withdrawn', 'WITHDRAWN', /WITHDRAWN is final/],
    ['a not approved', 'NOT_APPROVED', /NOT_APPROVED is final/],
    ['a terminated', 'TERMINATED', /TERMINATED is final/],
  ])('a family finder cannot move %s household back to ENQUIRY', async (_household, stage, rule) => {
    const household = await insertHousehold(api().dataSource, { stage });
    await expectInvalidWithoutWrites(api(), 'finder.1', M.advanceHouseholdStage, backToEnquiry(household.id), 'stage', rule);
  });

  it('a family finder cannot skip a recruitment stage: from ENQUIRY the next is INFORMATION_EVENT', async () => {
    const household = await insertHousehold(api().dataSource, { stage: 'ENQUIRY' });
    const input = { householdId: household.id, stage: 'INITIAL_VISIT', enteredOn: '2026-11-12' };
    await expectInvalidWithoutWrites(api(), 'finder.2', M.advanceHouseholdStage, { input }, 'stage', /INFORMATION_EVENT/);
  });

  it('a family finder cannot move a household back a recruitment stage', async () => {
    const household = await insertHousehold(api().dataSource, { stage: 'STAGE_2' });
    const input = { householdId: household.id, stage: 'STAGE_1', enteredOn: '2026-11-12' };
    await expectInvalidWithoutWrites(api(), 'finder.1', M.advanceHouseholdStage, { input }, 'stage', /not to STAGE_1/);
  });
});

describe('withdrawHousehold', () => {
  it('a family finder withdraws an approved household with no child linked', async () => {
    const household = await insertHousehold(api().dataSource, { stage: 'APPROVED' });
    const input = { householdId: household.id, withdrawnOn: '2026-11-13', reason: 'they have moved abroad' };
    const { data, errors } = await api().as('finder.1')(M.withdrawHousehold, { input });
    expect(errors).toBeUndefined();
    expect(data!.withdrawHousehold).toMatchObject({ stage: 'WITHDRAWN', stageEnteredOn: '2026-11-13' });
  });

  it('a household whose child is adopted is not withdrawn: from PLACED it moves only by a disruption', async () => {
    const { child, household } = await insertChildAt(api().dataSource, 'KENT', 'PLACED');
    const adopted = await api().as('ppm.kent')(M.recordAdoptionOrder, { input: { childId: child.id, grantedOn: '2026-11-02' } });
    expect(adopted.errors).toBeUndefined();
    const input = { householdId: household!.id, withdrawnOn: '2026-11-13', reason: 'they have moved abroad' };
    await expectInvalidWithoutWrites(api(), 'finder.1', M.withdrawHousehold, { input }, 'householdId', /from PLACED/);
  });
});
