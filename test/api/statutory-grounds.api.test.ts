import { demoStaff } from '../../seeds/demo-staff';
import { AuditEventRecord } from '../../src/audit/audit-event.entity';
import type { HouseholdRecord } from '../../src/households/household.entity';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectInvalidWithoutWrites, expectRefused } from '../journey/journey-api';

/**
 * The access rules UK adoption law sets (docs/domain.md, "Statutory grounds"), through the API, one block a rule.
 * Panel 2's meeting of 2026-11-18 has its papers open today (2026-11-20) until 2026-11-25.
 */
const OPEN_MEETING = { panel: 2 as const, meetingOn: '2026-11-18' };
const PERMANENCE_REPORT = 'the birth parents’ history, as the child’s permanence report gives it';

let onMatchItem: ChildJourney;
let linkedToApprovalItem: ChildJourney;
let upForApproval: HouseholdRecord;
let noChecksYet: HouseholdRecord;
let heardTwice: ChildJourney;
let approvedAfterPanel: HouseholdRecord;

const api = useTestApi(async ({ dataSource }) => {
  const meeting = await insertPanelMeeting(dataSource, OPEN_MEETING);
  const child = { nhsNumber: '9434765919', birthFamilyBackground: PERMANENCE_REPORT };
  onMatchItem = await insertChildAt(dataSource, 'KENT', 'LINKED', { child });
  await insertAgendaItem(dataSource, { meeting, match: onMatchItem.match! });
  // An approved household linked with a Medway child, before panel again for the review of its approval.
  linkedToApprovalItem = await insertChildAt(dataSource, 'MEDWAY', 'LINKED', { child });
  await insertAgendaItem(dataSource, { meeting, household: linkedToApprovalItem.household!, kind: 'APPROVAL_REVIEW' });
  upForApproval = await insertHousehold(dataSource, { stage: 'PANEL' });
  await insertAgendaItem(dataSource, { meeting, household: upForApproval, kind: 'ADOPTER_APPROVAL' });
  noChecksYet = await insertHousehold(dataSource, { stage: 'STAGE_1' });
  await dataSource.query(`UPDATE households SET dbs_outcome = NULL WHERE id = $1`, [noChecksYet.id]);
  // Panel 3 deferred a Kent match on 1 September and recommended it on 6 October; it recommended a household's approval then too.
  heardTwice = await insertChildAt(dataSource, 'KENT', 'LINKED', { recommendation: 'DEFERRED', panel: 3, meetingOn: '2026-09-01' });
  const october = await insertPanelMeeting(dataSource, { panel: 3, meetingOn: '2026-10-06' });
  await insertAgendaItem(dataSource, { meeting: october, match: heardTwice.match!, recommendation: 'POSITIVE' });
  approvedAfterPanel = await insertHousehold(dataSource, { stage: 'PANEL' });
  await insertAgendaItem(dataSource, { meeting: october, household: approvedAfterPanel, recommendation: 'POSITIVE' });
}, '2026-11-20T12:00:00Z');

const CHILD = `query ($id: ID!) { child(id: $id) { id firstName ageInYears lastName dateOfBirth nhsNumber birthFamilyBackground redactedFields } }`;
const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { id address applicantFirstNames dbsOutcome dbsChecksComplete redactedFields } }`;

const lastRead = async (subjectId: string) =>
  (await api()
    .dataSource.getRepository(AuditEventRecord)
    .createQueryBuilder('e')
    .where(`e.action = 'read' AND e.subjectIds @> ARRAY[:subjectId]::uuid[]`, { subjectId })
    .orderBy('e.id', 'DESC')
    .getOne())!;

describe('the panel considering a match reads the child’s permanence report (AAR 2005 reg 32)', () => {
  it('while a MATCH item’s papers are open, its panel reads the child’s birth family, still no surname, address, NHS number or date of birth', async () => {
    const { data, errors } = await api().as('panel.2')(CHILD, { id: onMatchItem.child.id });
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({
      firstName: onMatchItem.child.firstName,
      ageInYears: expect.any(Number),
      birthFamilyBackground: PERMANENCE_REPORT,
      lastName: null,
      dateOfBirth: null,
      nhsNumber: null,
    });
    expect([...data!.child.redactedFields].sort()).toEqual(['dateOfBirth', 'lastName', 'nhsNumber']);
  });

  it('the read of the permanence report is logged, naming the agenda item that gave access', async () => {
    await api().as('panel.2')(CHILD, { id: onMatchItem.child.id });
    const read = await lastRead(onMatchItem.child.id);
    expect(read.fields).toContain('birthFamilyBackground');
    expect(read.reason).toMatch(/^agenda item /);
  });

  it('an approval item, about the household alone, opens no child: not the one the household is linked with', async () => {
    expectRefused(await api().as('panel.2')(CHILD, { id: linkedToApprovalItem.child.id }), 'NOT_FOUND');
  });

  it('another panel does not read it', async () => {
    expectRefused(await api().as('panel.1')(CHILD, { id: onMatchItem.child.id }), 'NOT_FOUND');
  });

  it('the panel still lists its agenda children by their case fields', async () => {
    const { data, errors } = await api().as('panel.2')(`{ children(first: 10, filter: { stage: LINKED }) { totalCount } }`);
    expect(errors).toBeUndefined();
    expect(data!.children.totalCount).toBe(1);
  });
});

describe('DBS outcomes are criminal-offence data (UK GDPR Art. 10)', () => {
  it('a family finder sees whether a household’s DBS checks are complete, not what they found', async () => {
    const checked = await api().as('finder.1')(HOUSEHOLD, { id: upForApproval.id });
    expect(checked.errors).toBeUndefined();
    expect(checked.data!.household).toMatchObject({ dbsOutcome: null, dbsChecksComplete: true, redactedFields: ['dbsOutcome'] });
    const unchecked = await api().as('finder.1')(HOUSEHOLD, { id: noChecksYet.id });
    expect(unchecked.data!.household).toMatchObject({ dbsOutcome: null, dbsChecksComplete: false });
  });

  it('the partnership ADM, who decides approval, reads what they found, and the read is logged', async () => {
    const { data, errors } = await api().as('adm.raa')(HOUSEHOLD, { id: upForApproval.id });
    expect(errors).toBeUndefined();
    expect(data!.household).toMatchObject({ dbsOutcome: 'clear', dbsChecksComplete: true, redactedFields: [] });
    expect((await lastRead(upForApproval.id)).fields).toContain('dbsOutcome');
  });

  it.each([
    ['its approval', () => upForApproval],
    ['the review of its approval', () => linkedToApprovalItem.household!],
  ])('the panel reads it while the papers of %s are open', async (_item, household) => {
    const { data, errors } = await api().as('panel.2')(HOUSEHOLD, { id: household().id });
    expect(errors).toBeUndefined();
    expect(data!.household).toMatchObject({ dbsOutcome: 'clear', address: null });
  });

  it.each(['adm.raa', 'panel.2'])('%s, who reads it, still lists households by their case fields', async (username) => {
    const { data, errors } = await api().as(username)(`{ households(first: 10, filter: { stage: PANEL }) { totalCount } }`);
    expect(errors).toBeUndefined();
    expect(data!.households.totalCount).toBeGreaterThan(0);
  });

  it('the panel considering a household’s match does not read it', async () => {
    const { data, errors } = await api().as('panel.2')(HOUSEHOLD, { id: onMatchItem.household!.id });
    expect(errors).toBeUndefined();
    expect(data!.household).toMatchObject({ dbsOutcome: null, dbsChecksComplete: true });
    expect(data!.household.redactedFields).toContain('dbsOutcome');
  });

  it.each(['adm.kent', 'ppm.kent'])('%s, reading a household proposed for a Kent child, does not read it', async (username) => {
    const { data, errors } = await api().as(username)(HOUSEHOLD, { id: onMatchItem.household!.id });
    expect(errors).toBeUndefined();
    expect(data!.household).toMatchObject({ dbsOutcome: null, dbsChecksComplete: true, redactedFields: ['dbsOutcome'] });
  });
});

describe('the ADM deciding a match or an approval reads the panel’s recommendation, its reasons and the meeting’s date (AAR 2005 regs 30B and 33)', () => {
  const RECOMMENDATION = 'panelRecommendation { recommendation reasons meetingOn agendaItemId }';
  const MATCH = `query ($id: ID!) { match(id: $id) { id ${RECOMMENDATION} } }`;
  const HOUSEHOLD_RECOMMENDATION = `query ($id: ID!) { household(id: $id) { id ${RECOMMENDATION} } }`;
  const latest = { recommendation: 'POSITIVE', reasons: 'the panel’s reasons', meetingOn: '2026-10-06', agendaItemId: expect.any(String) };

  it('the child’s authority’s ADM reads the latest recommendation on the match', async () => {
    const { data, errors } = await api().as('adm.kent')(MATCH, { id: heardTwice.match!.id });
    expect(errors).toBeUndefined();
    expect(data!.match.panelRecommendation).toEqual(latest);
  });

  it('the partnership ADM reads the latest recommendation on a household’s approval', async () => {
    const { data, errors } = await api().as('adm.raa')(HOUSEHOLD_RECOMMENDATION, { id: approvedAfterPanel.id });
    expect(errors).toBeUndefined();
    expect(data!.household.panelRecommendation).toEqual(latest);
  });

  it('a household’s recommendation is its approval’s, never a match’s', async () => {
    const { data } = await api().as('adm.raa')(HOUSEHOLD_RECOMMENDATION, { id: heardTwice.household!.id });
    expect(data!.household.panelRecommendation).toBeNull();
  });

  it('an authority’s ADM does not read the recommendation on a household’s approval, nor a PPM lead on a match', async () => {
    const { household } = await insertChildAt(api().dataSource, 'KENT', 'LINKED');
    const meeting = await insertPanelMeeting(api().dataSource, { panel: 3, meetingOn: '2026-10-06' });
    await insertAgendaItem(api().dataSource, { meeting, household: household!, kind: 'APPROVAL_REVIEW', recommendation: 'POSITIVE' });
    const byKent = await api().as('adm.kent')(HOUSEHOLD_RECOMMENDATION, { id: household!.id });
    expect(byKent.errors).toBeUndefined();
    expect(byKent.data!.household).toEqual({ id: household!.id, panelRecommendation: null });
    const byPartnership = await api().as('adm.raa')(HOUSEHOLD_RECOMMENDATION, { id: household!.id });
    expect(byPartnership.data!.household.panelRecommendation).toMatchObject({ recommendation: 'POSITIVE' });
    const match = await api().as('ppm.kent')(MATCH, { id: heardTwice.match!.id });
    expect(match.errors).toBeUndefined();
    expect(match.data!.match.panelRecommendation).toBeNull();
  });

  it('panels, their meetings and their agendas stay FORBIDDEN to an ADM', async () => {
    const meeting = await insertPanelMeeting(api().dataSource, { panel: 3, meetingOn: '2026-10-06' });
    for (const username of ['adm.kent', 'adm.raa']) {
      expectRefused(await api().as(username)(`{ panels { id } }`), 'FORBIDDEN', 'ROLE_MAY_NOT_READ');
      const agenda = `query ($id: ID!) { panelMeeting(id: $id) { agendaItems { id } } }`;
      expectRefused(await api().as(username)(agenda, { id: meeting.id }), 'FORBIDDEN', 'ROLE_MAY_NOT_READ');
    }
  });

  it('the panel reads its own recommendation while it reads the item', async () => {
    const { data, errors } = await api().as('panel.2')(HOUSEHOLD_RECOMMENDATION, { id: upForApproval.id });
    expect(errors).toBeUndefined();
    expect(data!.household.panelRecommendation).toBeNull();
    const meeting = await insertPanelMeeting(api().dataSource, OPEN_MEETING);
    const household = await insertHousehold(api().dataSource, { stage: 'PANEL' });
    await insertAgendaItem(api().dataSource, { meeting, household, recommendation: 'NEGATIVE' });
    const recommended = await api().as('panel.2')(HOUSEHOLD_RECOMMENDATION, { id: household.id });
    expect(recommended.data!.household.panelRecommendation).toMatchObject({ recommendation: 'NEGATIVE', meetingOn: '2026-11-18' });
  });
});

describe('fostering for adoption is possible while adoption is only being considered (Children Act 1989 s22C(9A)(a))', () => {
  const PLACE = `mutation ($input: RecordEarlyPermanencePlacementInput!) {
    recordEarlyPermanencePlacement(input: $input) {
      id stage adoptionPlanDecidedOn earlyPermanencePlacedOn version
      placements { kind householdId matchId placedOn movedInOn temporaryFosterCarerApprovalOn endedOn }
    }
  }`;
  const DECIDE = `mutation ($input: RecordAdoptionPlanDecisionInput!) { recordAdoptionPlanDecision(input: $input) { stage adoptionPlanDecidedOn } }`;
  const ALLOCATE = `mutation ($input: AllocateFamilyFinderInput!) { allocateFamilyFinder(input: $input) { id } }`;
  const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { status householdId } }`;
  const considering = () => insertChildAt(api().dataSource, 'KENT', 'CONSIDERING_ADOPTION', { dates: { enteredCareOn: '2026-10-01' } });
  const carers = () => insertHousehold(api().dataSource, { earlyPermanence: true });
  const place = (childId: string, householdId: string, more: Record<string, unknown> = {}) => ({
    input: { childId, householdId, placedOn: '2026-10-05', temporaryFosterCarerApprovalOn: '2026-10-02', ...more },
  });

  it('before the plan decision, the PPM lead places the child with dually approved carers it names, recording the day they were temporarily approved as the child’s foster carers', async () => {
    const { child } = await considering();
    const household = await carers();
    const { data, errors } = await api().as('ppm.kent')(PLACE, place(child.id, household.id));
    expect(errors).toBeUndefined();
    expect(data!.recordEarlyPermanencePlacement).toMatchObject({
      stage: 'EARLY_PERMANENCE',
      adoptionPlanDecidedOn: null,
      earlyPermanencePlacedOn: '2026-10-05',
      placements: [
        {
          kind: 'EARLY_PERMANENCE',
          householdId: household.id,
          matchId: null,
          placedOn: '2026-10-05',
          movedInOn: '2026-10-05',
          temporaryFosterCarerApprovalOn: '2026-10-02',
          endedOn: null,
        },
      ],
    });
  });

  it('the PPM lead who records it reads the carers’ case fields, though they are proposed for no child', async () => {
    const { child } = await considering();
    const household = await carers();
    expect((await api().as('ppm.kent')(PLACE, place(child.id, household.id))).errors).toBeUndefined();
    const { data, errors } = await api().as('ppm.kent')(`query ($id: ID!) { household(id: $id) { id stage earlyPermanence address } }`, {
      id: household.id,
    });
    expect(errors).toBeUndefined();
    expect(data!.household).toEqual({ id: household.id, stage: 'APPROVED', earlyPermanence: true, address: null });
  });

  it('the journey goes on: the ADM decides the plan after the placement, and the carers are linked with the child', async () => {
    const { child } = await considering();
    const household = await carers();
    expect((await api().as('ppm.kent')(PLACE, place(child.id, household.id))).errors).toBeUndefined();
    const decided = await api().as('adm.kent')(DECIDE, {
      input: { childId: child.id, decidedOn: '2026-10-20', rationale: 'adoption is the plan' },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.recordAdoptionPlanDecision).toEqual({ stage: 'EARLY_PERMANENCE', adoptionPlanDecidedOn: '2026-10-20' });
    const allocation = { childId: child.id, familyFinderId: demoStaff('finder.1').id, allocatedOn: '2026-10-21' };
    expect((await api().as('ppm.kent')(ALLOCATE, { input: allocation })).errors).toBeUndefined();
    const linked = await api().as('finder.1')(PROPOSE, {
      input: { childId: child.id, householdId: household.id, proposedOn: '2026-10-22' },
    });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.proposeMatch).toEqual({ status: 'PROPOSED', householdId: household.id });
  });

  it('before the plan decision, the day of the carers’ temporary approval is required', async () => {
    const { child } = await considering();
    const household = await carers();
    const input = place(child.id, household.id, { temporaryFosterCarerApprovalOn: null });
    await expectInvalidWithoutWrites(api(), 'ppm.kent', PLACE, input, 'temporaryFosterCarerApprovalOn', /temporarily approved/);
  });

  it('the carers are approved as the child’s foster carers on or before the placement', async () => {
    const { child } = await considering();
    const household = await carers();
    const input = place(child.id, household.id, { temporaryFosterCarerApprovalOn: '2026-10-06' });
    await expectInvalidWithoutWrites(api(), 'ppm.kent', PLACE, input, 'temporaryFosterCarerApprovalOn', /on or before the placement/);
  });

  it('the child is placed on or after the day they entered care', async () => {
    const { child } = await considering();
    const household = await carers();
    const input = place(child.id, household.id, { placedOn: '2026-09-30', temporaryFosterCarerApprovalOn: '2026-09-29' });
    await expectInvalidWithoutWrites(api(), 'ppm.kent', PLACE, input, 'placedOn', /entered care/);
  });

  it('carers who are not dually approved are out of the PPM lead’s reach before any proposal', async () => {
    const { child } = await considering();
    const adopters = await insertHousehold(api().dataSource, { earlyPermanence: false });
    expectRefused(await api().as('ppm.kent')(PLACE, place(child.id, adopters.id)), 'NOT_FOUND');
  });

  it('once adoption is no longer the plan, there is no fostering for adoption', async () => {
    const { child } = await considering();
    await api().dataSource.query(
      `UPDATE children SET stage = 'PLAN_CHANGED', plan_changed_on = '2026-10-03', plan_change_reason = 'home' WHERE id = $1`,
      [child.id],
    );
    const household = await carers();
    await expectInvalidWithoutWrites(api(), 'ppm.kent', PLACE, place(child.id, household.id), 'placedOn', /being considered/);
  });

  it('after the plan decision, the carers must first be linked with the child, as before', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'SHOULD_BE_PLACED');
    const household = await carers();
    const input = { input: { childId: child.id, householdId: household.id, placedOn: '2026-10-05' } };
    await expectInvalidWithoutWrites(api(), 'ppm.kent', PLACE, input, 'householdId', /linked with the child/);
  });
});
