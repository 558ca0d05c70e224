import type { HouseholdRecord } from '../../src/households/household.entity';
import type { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import type { PanelMeetingRecord } from '../../src/panels/panel-meeting.entity';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, panelId } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import {
  expectConflictWithoutWrites,
  expectInvalidWithoutWrites,
  forbidden,
  itRefusesWithoutWrites,
  M,
  noCasework,
  notFound,
  Q,
  type Refusal,
} from './journey-api';

/**
 * Adoption panels (docs/domain.md, "The roles" and "Panels"): the adviser puts cases on a meeting's agenda; the
 * chair or vice chair records the recommendation and the six-monthly report-quality feedback. Panel
 * records are for the members of that panel only.
 */
const TODAY = '2026-11-20';
let nextMeeting: PanelMeetingRecord;
let readyForPanel: HouseholdRecord;
let panelOneItem: AgendaItemRecord;
let panelTwoItem: AgendaItemRecord;

const api = useTestApi(async ({ dataSource }) => {
  // Its papers are released on 2026-11-26: the adviser still sets its agenda.
  nextMeeting = await insertPanelMeeting(dataSource, { panel: 1, meetingOn: '2026-12-03' });
  readyForPanel = await insertHousehold(dataSource, { stage: 'PANEL' });
  panelOneItem = await itemHeardOn(1, '2026-11-18', dataSource);
  panelTwoItem = await itemHeardOn(2, '2026-11-18', dataSource);
}, `${TODAY}T12:00:00Z`);

/** An adopter-approval item, without a recommendation yet, on the agenda of `panel`'s meeting on `meetingOn`. */
async function itemHeardOn(panel: 1 | 2, meetingOn: string, dataSource = api().dataSource): Promise<AgendaItemRecord> {
  const household = await insertHousehold(dataSource, { stage: 'PANEL' });
  const meeting = await insertPanelMeeting(dataSource, { panel, meetingOn });
  return insertAgendaItem(dataSource, { meeting, household });
}

/** Staff with no seat on any panel: panel records are never theirs to read. */
function noPanelSeat(doing: string): Refusal[] {
  return [
    forbidden(`a family finder cannot ${doing}: it sits on no panel`, 'finder.1', 'ROLE_MAY_NOT_READ'),
    forbidden(`a Kent ADM cannot ${doing}: it sits on no panel`, 'adm.kent', 'ROLE_MAY_NOT_READ'),
    forbidden(`a Kent PPM lead cannot ${doing}: it sits on no panel`, 'ppm.kent', 'ROLE_MAY_NOT_READ'),
    forbidden(`the partnership ADM cannot ${doing}: it sits on no panel`, 'adm.raa', 'ROLE_MAY_NOT_READ'),
    ...noCasework(doing),
  ];
}

describe('scheduleAgendaItem', () => {
  it('the panel 1 adviser puts a household’s approval on the next meeting’s agenda, where the adviser then sees it', async () => {
    const household = await insertHousehold(api().dataSource, { stage: 'PANEL' });
    const input = { meetingId: nextMeeting.id, kind: 'ADOPTER_APPROVAL', householdId: household.id };
    const { data, errors } = await api().as('adviser.1')(M.scheduleAgendaItem, { input });
    expect(errors).toBeUndefined();
    expect(data!.scheduleAgendaItem).toMatchObject({
      meetingId: nextMeeting.id,
      panelId: panelId(1),
      meetingOn: '2026-12-03',
      windowClosesOn: '2026-12-10',
      kind: 'ADOPTER_APPROVAL',
      householdId: household.id,
      recommendation: null,
    });
    const read = await api().as('adviser.1')(Q.panelMeeting, { id: nextMeeting.id });
    expect(read.data!.panelMeeting.agendaItems.map((i: { id: string }) => i.id)).toContain(data!.scheduleAgendaItem.id);
  });

  it('the adviser puts a proposed match on the agenda: the item names the match, its child and household', async () => {
    const { child, household, match } = await insertChildAt(api().dataSource, 'MEDWAY', 'LINKED');
    const input = { meetingId: nextMeeting.id, kind: 'MATCH', matchId: match!.id };
    const { data, errors } = await api().as('adviser.1')(M.scheduleAgendaItem, { input });
    expect(errors).toBeUndefined();
    expect(data!.scheduleAgendaItem).toMatchObject({
      kind: 'MATCH',
      matchId: match!.id,
      childId: child.id,
      householdId: household!.id,
    });
  });

  const refusals: Refusal[] = [
    forbidden('the chair cannot schedule an agenda item: the adviser does', 'panel.1', 'ROLE_MAY_NOT_CREATE'),
    forbidden('the vice chair cannot schedule an agenda item', 'vicechair.1', 'ROLE_MAY_NOT_CREATE'),
    notFound('the adviser of panel 2 cannot schedule on a panel 1 meeting', 'adviser.2'),
    notFound('a member of panel 2 cannot schedule on a panel 1 meeting', 'panel.2'),
    ...noPanelSeat('schedule an agenda item'),
  ];
  itRefusesWithoutWrites(api, refusals, M.scheduleAgendaItem, () => ({
    input: { meetingId: nextMeeting.id, kind: 'ADOPTER_APPROVAL', householdId: readyForPanel.id },
  }));
});

describe('recordPanelRecommendation', () => {
  it('the chair records the panel’s recommendation on their panel’s item', async () => {
    const item = await itemHeardOn(1, '2026-11-18');
    const input = {
      agendaItemId: item.id,
      version: item.version,
      recommendation: 'POSITIVE',
      reasons: 'well prepared',
    };
    const { data, errors } = await api().as('panel.1')(M.recordPanelRecommendation, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordPanelRecommendation).toMatchObject({
      id: item.id,
      recommendation: 'POSITIVE',
      reasons: 'well prepared',
      version: item.version + 1,
    });
  });

  it('the vice chair records a recommendation too', async () => {
    const item = await itemHeardOn(1, '2026-11-19');
    const input = { agendaItemId: item.id, recommendation: 'DEFERRED', reasons: 'needs a medical update' };
    const { data, errors } = await api().as('vicechair.1')(M.recordPanelRecommendation, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordPanelRecommendation.recommendation).toBe('DEFERRED');
  });

  it('a positive recommendation on a match makes the match, and the child, “match recommended”', async () => {
    const { child, match } = await insertChildAt(api().dataSource, 'KENT', 'LINKED');
    const meeting = await insertPanelMeeting(api().dataSource, { panel: 2, meetingOn: '2026-11-16' });
    const item = await insertAgendaItem(api().dataSource, { meeting, match });
    const input = { agendaItemId: item.id, recommendation: 'POSITIVE', reasons: 'a good match' };
    const { errors } = await api().as('chair.2')(M.recordPanelRecommendation, { input });
    expect(errors).toBeUndefined();
    expect((await api().as('adm.kent')(Q.match, { id: match!.id })).data!.match.status).toBe('RECOMMENDED');
    expect((await api().as('adm.kent')(Q.child, { id: child.id })).data!.child.stage).toBe('MATCH_RECOMMENDED');
  });

  it('a second recommendation on the same item is CONFLICT, nothing written', async () => {
    const item = await itemHeardOn(1, '2026-11-17');
    const input = { agendaItemId: item.id, recommendation: 'NEGATIVE', reasons: 'not ready' };
    expect((await api().as('panel.1')(M.recordPanelRecommendation, { input })).errors).toBeUndefined();
    await expectConflictWithoutWrites(
      api(),
      'vicechair.1',
      M.recordPanelRecommendation,
      { input: { ...input, recommendation: 'POSITIVE' } },
      'ALREADY_RECORDED',
    );
  });

  const recommend = (item: AgendaItemRecord) => ({
    input: { agendaItemId: item.id, recommendation: 'POSITIVE', reasons: 'reasons' },
  });
  const panelOneRefusals: Refusal[] = [
    forbidden('the adviser cannot record a recommendation: the chair or vice chair does', 'adviser.1', 'ROLE_MAY_NOT_RECOMMEND'),
    notFound('the chair of panel 2 cannot recommend on a panel 1 item', 'chair.2'),
    notFound('a member of panel 2 cannot recommend on a panel 1 item', 'panel.2'),
    notFound('the adviser of panel 2 cannot recommend on a panel 1 item', 'adviser.2'),
    ...noPanelSeat('record a panel recommendation'),
  ];
  itRefusesWithoutWrites(api, panelOneRefusals, M.recordPanelRecommendation, () => recommend(panelOneItem));

  const panelTwoRefusals: Refusal[] = [
    forbidden('a panel member who is not chair or vice chair cannot record a recommendation', 'panel.2', 'ROLE_MAY_NOT_RECOMMEND'),
    notFound('the chair of panel 1 cannot recommend on a panel 2 item', 'panel.1'),
    notFound('the vice chair of panel 1 cannot recommend on a panel 2 item', 'vicechair.1'),
  ];
  itRefusesWithoutWrites(api, panelTwoRefusals, M.recordPanelRecommendation, () => recommend(panelTwoItem));
});

describe('recordReportQualityFeedback', () => {
  const feedback = (panel: 1 | 2, period: string) => ({
    input: {
      panelId: panelId(panel),
      period,
      rating: 3,
      strengths: 'clear analysis',
      improvements: 'shorter chronologies',
    },
  });

  it('the chair records their panel’s feedback on the quality of reports for a half-year', async () => {
    const { data, errors } = await api().as('panel.1')(M.recordReportQualityFeedback, feedback(1, '2026-H1'));
    expect(errors).toBeUndefined();
    expect(data!.recordReportQualityFeedback).toMatchObject({ panelId: panelId(1), period: '2026-H1', rating: 3 });
  });

  it('the vice chair records it too', async () => {
    const { data, errors } = await api().as('vicechair.1')(M.recordReportQualityFeedback, feedback(1, '2025-H2'));
    expect(errors).toBeUndefined();
    expect(data!.recordReportQualityFeedback.period).toBe('2025-H2');
  });

  it('a panel gives one feedback a half-year: a second for the same period is CONFLICT, nothing written', async () => {
    expect((await api().as('chair.2')(M.recordReportQualityFeedback, feedback(2, '2025-H1'))).errors).toBeUndefined();
    await expectConflictWithoutWrites(api(), 'chair.2', M.recordReportQualityFeedback, feedback(2, '2025-H1'), 'ALREADY_RECORDED');
  });

  it('a half-year that has not begun is BAD_USER_INPUT naming the period, nothing written', () =>
    expectInvalidWithoutWrites(api(), 'panel.1', M.recordReportQualityFeedback, feedback(1, '2027-H1'), 'period'));

  const refusals: Refusal[] = [
    forbidden('the adviser cannot record report-quality feedback: the chair or vice chair does', 'adviser.1', 'ROLE_MAY_NOT_CREATE'),
    notFound('the chair of panel 2 cannot record panel 1’s feedback', 'chair.2'),
    notFound('a member of panel 2 cannot record panel 1’s feedback', 'panel.2'),
    ...noPanelSeat('record report-quality feedback'),
  ];
  itRefusesWithoutWrites(api, refusals, M.recordReportQualityFeedback, () => feedback(1, '2026-H2'));

  const ownPanel: Refusal[] = [
    forbidden('a panel member who is not chair or vice chair cannot record their panel’s feedback', 'panel.2', 'ROLE_MAY_NOT_CREATE'),
  ];
  itRefusesWithoutWrites(api, ownPanel, M.recordReportQualityFeedback, () => feedback(2, '2026-H2'));
});
