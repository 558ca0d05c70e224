import { demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import {
  insertAgendaItem,
  insertChildAt,
  insertHousehold,
  insertPanelMeeting,
  type FixtureStage,
  type JourneyOptions,
} from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectInvalidWithoutWrites, M } from './journey-api';

/**
 * Dates never lie in the future (docs/domain.md, "The child's journey", its invariants): every recorded date
 * after the test clock's today, a UK calendar day, is BAD_USER_INPUT naming the field, and nothing is written.
 */
const NOW = '2026-11-20T12:00:00Z';
const TOMORROW = '2026-11-21';
const api = useTestApi(undefined, NOW);
const db = () => api().dataSource;

type Attempt = { username: string; query: string; variables: Record<string, unknown> };
type Row = [step: string, field: string, arrange: () => Promise<Attempt>];

const attempt = (username: string, query: string, input: Record<string, unknown>): Attempt => ({
  username,
  query,
  variables: { input },
});
const childAt = (authority: Authority, stage: FixtureStage, options?: JourneyOptions) => insertChildAt(db(), authority, stage, options);

const rows: Row[] = [
  [
    'an adoption plan decision',
    'decidedOn',
    async () => {
      const { child } = await childAt('KENT', 'CONSIDERING_ADOPTION');
      const input = { childId: child.id, decidedOn: TOMORROW, rationale: 'plan' };
      return attempt('adm.kent', M.recordAdoptionPlanDecision, input);
    },
  ],
  [
    'a family finder’s allocation',
    'allocatedOn',
    async () => {
      const { child } = await childAt('KENT', 'SHOULD_BE_PLACED', { finder: null });
      const input = { childId: child.id, familyFinderId: demoStaff('finder.1').id, allocatedOn: TOMORROW };
      return attempt('ppm.kent', M.allocateFamilyFinder, input);
    },
  ],
  [
    'a placement order',
    'grantedOn',
    async () => {
      const { child } = await childAt('KENT', 'SHOULD_BE_PLACED');
      return attempt('ppm.kent', M.recordPlacementOrder, { childId: child.id, grantedOn: TOMORROW });
    },
  ],
  [
    'an early-permanence placement',
    'placedOn',
    async () => {
      const carers = await insertHousehold(db(), { earlyPermanence: true });
      const { child } = await childAt('KENT', 'LINKED', { household: carers, placementOrder: false });
      const input = { childId: child.id, householdId: carers.id, placedOn: TOMORROW };
      return attempt('ppm.kent', M.recordEarlyPermanencePlacement, input);
    },
  ],
  [
    'a proposed match',
    'proposedOn',
    async () => {
      const { child } = await childAt('KENT', 'AUTHORITY_TO_PLACE', { finder: 'finder.1' });
      const household = await insertHousehold(db());
      return attempt('finder.1', M.proposeMatch, { childId: child.id, householdId: household.id, proposedOn: TOMORROW });
    },
  ],
  [
    'a match decision',
    'decidedOn',
    async () => {
      const { match } = await childAt('KENT', 'MATCH_RECOMMENDED');
      const input = { matchId: match!.id, outcome: 'APPROVED', decidedOn: TOMORROW, rationale: 'good match' };
      return attempt('adm.kent', M.recordMatchDecision, input);
    },
  ],
  [
    'a placement',
    'placedOn',
    async () => {
      const { child } = await childAt('KENT', 'MATCHED');
      return attempt('ppm.kent', M.recordPlacement, { childId: child.id, placedOn: TOMORROW });
    },
  ],
  [
    'an adoption order',
    'grantedOn',
    async () => {
      const { child } = await childAt('KENT', 'PLACED');
      return attempt('ppm.kent', M.recordAdoptionOrder, { childId: child.id, grantedOn: TOMORROW });
    },
  ],
  [
    'a plan change',
    'changedOn',
    async () => {
      const { child } = await childAt('KENT', 'SHOULD_BE_PLACED');
      return attempt('ppm.kent', M.recordPlanChange, { childId: child.id, changedOn: TOMORROW, reason: 'home' });
    },
  ],
  [
    'a disruption',
    'disruptedOn',
    async () => {
      const { child } = await childAt('KENT', 'PLACED');
      const input = { childId: child.id, disruptedOn: TOMORROW, meetingOn: TOMORROW, reason: 'broke down' };
      return attempt('ppm.kent', M.recordDisruption, input);
    },
  ],
  [
    'a household’s enquiry',
    'enquiryOn',
    async () => {
      const applicants = [{ firstName: 'Jo', lastName: 'Bloggs', dateOfBirth: '1984-06-30' }];
      return attempt('finder.1', M.createHousehold, { applicants, enquiryOn: TOMORROW });
    },
  ],
  [
    'a household’s next stage',
    'enteredOn',
    async () => {
      const household = await insertHousehold(db(), { stage: 'ENQUIRY' });
      const input = { householdId: household.id, stage: 'INFORMATION_EVENT', enteredOn: TOMORROW };
      return attempt('finder.1', M.advanceHouseholdStage, input);
    },
  ],
  [
    'a household’s withdrawal',
    'withdrawnOn',
    async () => {
      const household = await insertHousehold(db(), { stage: 'STAGE_1' });
      const input = { householdId: household.id, withdrawnOn: TOMORROW, reason: 'moving' };
      return attempt('finder.1', M.withdrawHousehold, input);
    },
  ],
  [
    'a household approval',
    'decidedOn',
    async () => {
      const household = await insertHousehold(db(), { stage: 'PANEL' });
      const meeting = await insertPanelMeeting(db(), { panel: 3, meetingOn: '2026-11-13' });
      await insertAgendaItem(db(), { meeting, household, recommendation: 'POSITIVE' });
      const input = { householdId: household.id, outcome: 'APPROVED', decidedOn: TOMORROW, rationale: 'as panel' };
      return attempt('adm.raa', M.decideHouseholdApproval, input);
    },
  ],
];

describe('no recorded date lies in the future', () => {
  it.each(rows)('%s dated tomorrow is BAD_USER_INPUT naming %s, nothing written', async (_step, field, arrange) => {
    const { username, query, variables } = await arrange();
    await expectInvalidWithoutWrites(api(), username, query, variables, field, /future/);
  });
});

describe('today is the UK calendar day', () => {
  afterEach(() => api().clock.set(NOW));

  it('half an hour after midnight in British Summer Time, the new UK day is today, not the future', async () => {
    api().clock.set('2026-07-01T23:30:00Z');
    const { child } = await childAt('KENT', 'CONSIDERING_ADOPTION');
    const input = { childId: child.id, decidedOn: '2026-07-02', rationale: 'adoption is the plan' };
    const { data, errors } = await api().as('adm.kent')(M.recordAdoptionPlanDecision, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordAdoptionPlanDecision.adoptionPlanDecidedOn).toBe('2026-07-02');
  });
});
