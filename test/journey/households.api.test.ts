import type { HouseholdRecord } from '../../src/households/household.entity';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { forbidden, itRefusesWithoutWrites, M, noCasework, notFound, type Refusal } from './journey-api';

/**
 * Adopter households (docs/domain.md, "The adopter household's journey"): family finders record them and move
 * them through recruitment up to panel; the partnership ADM approves, refuses or terminates after panel.
 */
const TODAY = '2026-11-20';
let enquiry: HouseholdRecord;
let stageOne: HouseholdRecord;
let atPanel: HouseholdRecord;
let proposedForKent: HouseholdRecord;

/** A household at PANEL whose panel 1 meeting (3 days ago, papers still open) recommended approval. */
async function householdRecommendedForApproval(dataSource: Parameters<typeof insertHousehold>[0]): Promise<HouseholdRecord> {
  const household = await insertHousehold(dataSource, { stage: 'PANEL', stageEnteredOn: '2026-10-01' });
  const meeting = await insertPanelMeeting(dataSource, { panel: 1, meetingOn: '2026-11-17' });
  await insertAgendaItem(dataSource, { meeting, household, recommendation: 'POSITIVE' });
  return household;
}

const api = useTestApi(async ({ dataSource }) => {
  enquiry = await insertHousehold(dataSource, { stage: 'ENQUIRY', stageEnteredOn: '2026-09-01' });
  stageOne = await insertHousehold(dataSource, { stage: 'STAGE_1', stageEnteredOn: '2026-09-01' });
  atPanel = await householdRecommendedForApproval(dataSource);
  proposedForKent = (await insertChildAt(dataSource, 'KENT', 'LINKED')).household!;
}, `${TODAY}T12:00:00Z`);

describe('createHousehold', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    applicants: [{ firstName: 'Jo', lastName: 'Bloggs', dateOfBirth: '1984-06-30' }],
    enquiryOn: TODAY,
    homeAuthority: 'MEDWAY',
    ...overrides,
  });

  it('a family finder records an enquiry: the household starts at ENQUIRY', async () => {
    const { data, errors } = await api().as('finder.1')(M.createHousehold, { input: input() });
    expect(errors).toBeUndefined();
    expect(data!.createHousehold).toMatchObject({
      stage: 'ENQUIRY',
      stageEnteredOn: TODAY,
      applicantFirstNames: ['Jo'],
      stageHistory: [{ stage: 'ENQUIRY', enteredOn: TODAY }],
      version: 1,
    });
  });

  it('previous adopters or foster carers are fast-tracked: the household starts at Stage 2', async () => {
    const { data, errors } = await api().as('finder.2')(M.createHousehold, { input: input({ fastTrack: true }) });
    expect(errors).toBeUndefined();
    expect(data!.createHousehold.stage).toBe('STAGE_2');
  });

  const refusals: Refusal[] = [
    forbidden('a Kent ADM cannot record a household: family finders do', 'adm.kent', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a Kent PPM lead cannot record a household', 'ppm.kent', 'ROLE_MAY_NOT_CREATE'),
    forbidden('the partnership ADM cannot record a household: it decides on them after panel', 'adm.raa', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a panel chair cannot record a household', 'panel.1', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a panel adviser cannot record a household', 'adviser.1', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a support worker cannot record a household', 'support.1', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a board director cannot record a household', 'board.kent', 'ROLE_MAY_NOT_CREATE'),
    forbidden('the auditor cannot record a household', 'auditor.1', 'ROLE_MAY_NOT_CREATE'),
  ];
  itRefusesWithoutWrites(api, refusals, M.createHousehold, () => ({ input: input() }));
});

/** Who may see a household but not change its recruitment, and who finds no household (not proposed, on no agenda). */
function recruitmentRefusals(doing: string): {
  unproposed: Refusal[];
  proposedForKent: Refusal[];
  onAgenda: Refusal[];
} {
  return {
    unproposed: [
      forbidden(`the partnership ADM cannot ${doing}: family finders record stages`, 'adm.raa', 'ROLE_MAY_NOT_UPDATE'),
      notFound(`a Kent ADM cannot ${doing} when it is proposed for no Kent child`, 'adm.kent'),
      notFound(`a Kent PPM lead cannot ${doing} when it is proposed for no Kent child`, 'ppm.kent'),
      notFound(`a panel chair cannot ${doing} when it is on no agenda of their panel`, 'panel.1'),
      ...noCasework(doing),
    ],
    proposedForKent: [
      forbidden(`a Kent ADM cannot ${doing} even when proposed for a Kent child`, 'adm.kent', 'ROLE_MAY_NOT_UPDATE'),
      forbidden(`a Kent PPM lead cannot ${doing} even when proposed for a Kent child`, 'ppm.kent', 'ROLE_MAY_NOT_UPDATE'),
      notFound(`a Medway ADM cannot ${doing} proposed for a Kent child only`, 'adm.medway'),
    ],
    onAgenda: [
      forbidden(`the chair cannot ${doing} on their panel’s open agenda`, 'panel.1', 'ROLE_MAY_NOT_UPDATE'),
      notFound(`a member of another panel cannot ${doing}`, 'panel.2'),
    ],
  };
}

describe('advanceHouseholdStage', () => {
  it('any family finder moves a household to its next recruitment stage', async () => {
    const household = await insertHousehold(api().dataSource, { stage: 'ENQUIRY', stageEnteredOn: '2026-09-01' });
    const input = {
      householdId: household.id,
      version: household.version,
      stage: 'INFORMATION_EVENT',
      enteredOn: '2026-11-12',
    };
    const { data, errors } = await api().as('finder.2')(M.advanceHouseholdStage, { input });
    expect(errors).toBeUndefined();
    expect(data!.advanceHouseholdStage).toMatchObject({
      stage: 'INFORMATION_EVENT',
      stageEnteredOn: '2026-11-12',
      version: household.version + 1,
    });
    expect(data!.advanceHouseholdStage.stageHistory.map((e: { stage: string }) => e.stage)).toEqual(['ENQUIRY', 'INFORMATION_EVENT']);
  });

  const input = (household: HouseholdRecord, stage: string) => ({
    input: { householdId: household.id, stage, enteredOn: '2026-11-12' },
  });
  const refusals = recruitmentRefusals('advance a household');
  itRefusesWithoutWrites(api, refusals.unproposed, M.advanceHouseholdStage, () => input(enquiry, 'INFORMATION_EVENT'));
  itRefusesWithoutWrites(api, refusals.proposedForKent, M.advanceHouseholdStage, () => input(proposedForKent, 'MATCHED'));
  itRefusesWithoutWrites(api, refusals.onAgenda, M.advanceHouseholdStage, () => input(atPanel, 'APPROVED'));
});

describe('withdrawHousehold', () => {
  it('a family finder records that a household withdraws, with the reason', async () => {
    const household = await insertHousehold(api().dataSource, { stage: 'STAGE_1', stageEnteredOn: '2026-09-01' });
    const input = { householdId: household.id, withdrawnOn: '2026-11-13', reason: 'moving abroad' };
    const { data, errors } = await api().as('finder.1')(M.withdrawHousehold, { input });
    expect(errors).toBeUndefined();
    expect(data!.withdrawHousehold).toMatchObject({ stage: 'WITHDRAWN', stageEnteredOn: '2026-11-13' });
    expect(data!.withdrawHousehold.stageHistory.at(-1)).toEqual({
      stage: 'WITHDRAWN',
      enteredOn: '2026-11-13',
      reason: 'moving abroad',
    });
  });

  const input = (household: HouseholdRecord) => ({
    input: { householdId: household.id, withdrawnOn: '2026-11-13', reason: 'moving abroad' },
  });
  const refusals = recruitmentRefusals('withdraw a household');
  itRefusesWithoutWrites(api, refusals.unproposed, M.withdrawHousehold, () => input(stageOne));
  itRefusesWithoutWrites(api, refusals.proposedForKent, M.withdrawHousehold, () => input(proposedForKent));
  itRefusesWithoutWrites(api, refusals.onAgenda, M.withdrawHousehold, () => input(atPanel));
});

describe('decideHouseholdApproval', () => {
  it('the partnership ADM approves a household after a positive panel recommendation', async () => {
    const household = await householdRecommendedForApproval(api().dataSource);
    const input = {
      householdId: household.id,
      version: household.version,
      outcome: 'APPROVED',
      decidedOn: '2026-11-19',
      rationale: 'as panel',
    };
    const { data, errors } = await api().as('adm.raa')(M.decideHouseholdApproval, { input });
    expect(errors).toBeUndefined();
    expect(data!.decideHouseholdApproval).toMatchObject({
      stage: 'APPROVED',
      approvedOn: '2026-11-19',
      decisions: [{ outcome: 'APPROVED', decidedOn: '2026-11-19', rationale: 'as panel' }],
    });
  });

  it('the partnership ADM terminates an approval after the panel’s termination recommendation', async () => {
    const household = await insertHousehold(api().dataSource);
    const meeting = await insertPanelMeeting(api().dataSource, { panel: 2, meetingOn: '2026-11-10' });
    await insertAgendaItem(api().dataSource, { meeting, household, kind: 'TERMINATION', recommendation: 'POSITIVE' });
    const input = {
      householdId: household.id,
      outcome: 'TERMINATED',
      decidedOn: '2026-11-12',
      rationale: 'circumstances changed',
    };
    const { data, errors } = await api().as('adm.raa')(M.decideHouseholdApproval, { input });
    expect(errors).toBeUndefined();
    expect(data!.decideHouseholdApproval.stage).toBe('TERMINATED');
  });

  const decide = (household: HouseholdRecord, outcome: string) => ({
    input: { householdId: household.id, outcome, decidedOn: '2026-11-19', rationale: 'as panel' },
  });
  const refusals: Refusal[] = [
    forbidden('a family finder cannot approve a household: the partnership ADM does', 'finder.1', 'ROLE_MAY_NOT_APPROVE'),
    forbidden('the chair of the recommending panel cannot approve: panels recommend, never decide', 'panel.1', 'ROLE_MAY_NOT_APPROVE'),
    notFound('the chair of another panel cannot approve', 'chair.2'),
    notFound('a Kent ADM cannot approve a household proposed for no Kent child', 'adm.kent'),
    notFound('a Kent PPM lead cannot approve a household proposed for no Kent child', 'ppm.kent'),
    ...noCasework('approve a household'),
  ];
  itRefusesWithoutWrites(api, refusals, M.decideHouseholdApproval, () => decide(atPanel, 'APPROVED'));

  const authorityAdms: Refusal[] = [
    forbidden(
      'a Kent ADM cannot terminate the approval of a household proposed for a Kent child: the partnership ADM does',
      'adm.kent',
      'ROLE_MAY_NOT_APPROVE',
    ),
    forbidden('a Kent PPM lead cannot terminate the approval of a household proposed for a Kent child', 'ppm.kent', 'ROLE_MAY_NOT_APPROVE'),
  ];
  itRefusesWithoutWrites(api, authorityAdms, M.decideHouseholdApproval, () => decide(proposedForKent, 'TERMINATED'));
});
