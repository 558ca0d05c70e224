import { AuditEventRecord } from '../../src/audit/audit-event.entity';
import type { HouseholdRecord } from '../../src/households/household.entity';
import {
  insertAgendaItem,
  insertChildAt,
  insertHousehold,
  insertPanelMeeting,
  type ChildJourney,
} from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectRefused } from '../journey/journey-api';

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
  (
    await api()
      .dataSource.getRepository(AuditEventRecord)
      .createQueryBuilder('e')
      .where(`e.action = 'read' AND e.subjectIds @> ARRAY[:subjectId]::uuid[]`, { subjectId })
      .orderBy('e.id', 'DESC')
      .getOne()
  )!;

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
