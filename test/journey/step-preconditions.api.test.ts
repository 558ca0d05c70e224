import { AllocationRecord } from '../../src/journey/allocation.entity';
import { HouseholdDecisionRecord } from '../../src/households/household-decision.entity';
import type { HouseholdStage } from '../../src/households/household-stage';
import { demoStaff } from '../../seeds/demo-staff';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectInvalidWithoutWrites, expectRefused, M, Q } from './journey-api';

/**
 * Each step checks the state it rests on, as it is when the step is taken: the recommendation of the
 * household's current time at panel, a household still approved or matched, an order that ends family finding.
 */
const TODAY = '2026-11-20';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

describe('decideHouseholdApproval', () => {
  const decide = (householdId: string, outcome: string, decidedOn = '2026-11-19') => ({
    input: { householdId, outcome, decidedOn, rationale: 'as panel' },
  });

  it('an approval cannot rest on a recommendation heard before the household came to panel', async () => {
    const household = await insertHousehold(db(), { stage: 'PANEL', stageEnteredOn: '2026-10-01' });
    const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-09-15' });
    await insertAgendaItem(db(), { meeting, household, recommendation: 'POSITIVE' });
    await expectInvalidWithoutWrites(
      api(),
      'adm.raa',
      M.decideHouseholdApproval,
      decide(household.id, 'APPROVED'),
      'householdId',
      /since the household came to panel/,
    );
  });

  it('an approval cannot rest on a recommendation an earlier decision on the household rested on', async () => {
    const household = await insertHousehold(db(), { stage: 'PANEL', stageEnteredOn: '2026-10-01' });
    const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-10-13' });
    await insertAgendaItem(db(), { meeting, household, recommendation: 'POSITIVE' });
    await db()
      .getRepository(HouseholdDecisionRecord)
      .insert({
        householdId: household.id,
        outcome: 'NOT_APPROVED',
        decidedOn: '2026-10-15',
        rationale: 'an earlier decision',
        decidedBy: demoStaff('adm.raa').id,
      });
    await expectInvalidWithoutWrites(
      api(),
      'adm.raa',
      M.decideHouseholdApproval,
      decide(household.id, 'APPROVED'),
      'householdId',
      /not used by an earlier decision/,
    );
  });

  it('a termination cannot rest on a recommendation heard before the approval', async () => {
    const household = await insertHousehold(db(), { stage: 'APPROVED', stageEnteredOn: '2026-03-02' });
    const meeting = await insertPanelMeeting(db(), { panel: 2, meetingOn: '2026-02-26' });
    await insertAgendaItem(db(), { meeting, household, kind: 'TERMINATION', recommendation: 'POSITIVE' });
    await expectInvalidWithoutWrites(
      api(),
      'adm.raa',
      M.decideHouseholdApproval,
      decide(household.id, 'TERMINATED'),
      'householdId',
      /after the approval/,
    );
  });
});

describe('recordMatchDecision', () => {
  const approve = (matchId: string) => ({
    input: { matchId, outcome: 'APPROVED', decidedOn: '2026-11-19', rationale: 'meets the child’s needs' },
  });

  it.each<HouseholdStage>(['TERMINATED', 'WITHDRAWN', 'NOT_APPROVED'])(
    'a match cannot be approved with a household that is %s',
    async (stage) => {
      const household = await insertHousehold(db(), { stage });
      const { match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED', { household, meetingOn: '2026-11-17' });
      await expectInvalidWithoutWrites(api(), 'adm.kent', M.recordMatchDecision, approve(match!.id), 'matchId', /approved/);
    },
  );

  it('approving a match moves its approved household to MATCHED on the decision’s date', async () => {
    const { household, match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED', { meetingOn: '2026-11-17' });
    expect((await api().as('adm.kent')(M.recordMatchDecision, approve(match!.id))).errors).toBeUndefined();
    const read = await api().as('adm.raa')(Q.household, { id: household!.id });
    expect(read.data!.household).toMatchObject({ stage: 'MATCHED', stageEnteredOn: '2026-11-19' });
  });

  it('a household already matched with a brother or sister is matched with the second child too, and stays MATCHED', async () => {
    const { household } = await insertChildAt(db(), 'KENT', 'MATCHED');
    const { match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED', { household, meetingOn: '2026-11-17' });
    const { data, errors } = await api().as('adm.kent')(M.recordMatchDecision, approve(match!.id));
    expect(errors).toBeUndefined();
    expect(data!.recordMatchDecision.status).toBe('APPROVED');
    const read = await api().as('adm.raa')(Q.household, { id: household!.id });
    expect(read.data!.household.stage).toBe('MATCHED');
  });
});

describe('recordPlacement', () => {
  it.each<HouseholdStage>(['APPROVED', 'TERMINATED', 'WITHDRAWN'])('a child is not placed with a household that is %s', async (stage) => {
    const household = await insertHousehold(db(), { stage });
    const { child } = await insertChildAt(db(), 'KENT', 'MATCHED', { household });
    const input = { childId: child.id, placedOn: '2026-11-02' };
    await expectInvalidWithoutWrites(api(), 'ppm.kent', M.recordPlacement, { input }, 'childId', /matched/);
  });

  it('the placement moves the matched household to PLACED on the placement’s date', async () => {
    const { child, household } = await insertChildAt(db(), 'KENT', 'MATCHED');
    const placed = await api().as('ppm.kent')(M.recordPlacement, { input: { childId: child.id, placedOn: '2026-11-02' } });
    expect(placed.errors).toBeUndefined();
    const read = await api().as('adm.raa')(Q.household, { id: household!.id });
    expect(read.data!.household).toMatchObject({ stage: 'PLACED', stageEnteredOn: '2026-11-02' });
  });
});

describe('recordPlanChange', () => {
  const change = (childId: string) => ({ input: { childId, changedOn: '2026-11-10', reason: 'returning to a parent' } });

  it('a plan change that withdraws an approved match returns its household to APPROVED', async () => {
    const { child, household, match } = await insertChildAt(db(), 'KENT', 'MATCHED');
    const { data, errors } = await api().as('ppm.kent')(M.recordPlanChange, change(child.id));
    expect(errors).toBeUndefined();
    expect(data!.recordPlanChange.matches).toEqual([{ id: match!.id, status: 'WITHDRAWN', householdId: household!.id }]);
    const read = await api().as('adm.raa')(Q.household, { id: household!.id });
    expect(read.data!.household).toMatchObject({ stage: 'APPROVED', stageEnteredOn: '2026-11-10' });
    expect(read.data!.household.stageHistory.at(-1)).toMatchObject({ stage: 'APPROVED', enteredOn: '2026-11-10' });
  });

  it('a household still matched with a brother or sister stays MATCHED when one child’s plan changes', async () => {
    const { child, household } = await insertChildAt(db(), 'KENT', 'MATCHED');
    await insertChildAt(db(), 'KENT', 'MATCHED', { household });
    expect((await api().as('ppm.kent')(M.recordPlanChange, change(child.id))).errors).toBeUndefined();
    const read = await api().as('adm.raa')(Q.household, { id: household!.id });
    expect(read.data!.household.stage).toBe('MATCHED');
  });
});

describe('recordAdoptionOrder', () => {
  it('the adoption order ends the family finder’s allocation on its date: the finder no longer reads the child', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'PLACED', { finder: 'finder.1' });
    expect((await api().as('finder.1')(Q.child, { id: child.id })).errors).toBeUndefined();
    const order = await api().as('ppm.kent')(M.recordAdoptionOrder, { input: { childId: child.id, grantedOn: '2026-11-16' } });
    expect(order.errors).toBeUndefined();
    expect(order.data!.recordAdoptionOrder.familyFinder).toBeNull();
    const allocations = await db().getRepository(AllocationRecord).findBy({ childId: child.id });
    expect(allocations.map((a) => a.endedOn)).toEqual(['2026-11-16']);
    expectRefused(await api().as('finder.1')(Q.child, { id: child.id }), 'NOT_FOUND');
  });
});
