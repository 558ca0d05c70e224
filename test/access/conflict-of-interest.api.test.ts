import { demoStaff } from '../../seeds/demo-staff';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, type PanelNumber } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * Conflict of interest: a panel member who declares an interest in a case on their panel's agenda loses its papers
 * at once — the child, the household and the match are out of their reach, as if they were on no agenda of theirs —
 * and a chair who declared may not record the panel's recommendation on it (the vice chair may). The chair, vice
 * chair and adviser see the declaration; the access log records it, the reason withheld.
 */
const REASON = 'I taught the prospective adopters’ eldest child';
const OPEN = { meetingOn: '2026-11-18', papersReleasedOn: '2026-11-11' };
const CLOSED = { meetingOn: '2026-11-05', papersReleasedOn: '2026-10-29' };

type Case = { item: string; child: string; match: string; household: string; meeting: string };
let memberCase: Case;
let chairCase: Case;
let closedItem = '';
let recommendedItem = '';
/** The declarations made, by whom. */
const declared = new Map<string, string>();

const api = useTestApi(async ({ dataSource }) => {
  const onAgenda = async (panel: PanelNumber, window: typeof OPEN): Promise<Case> => {
    const journey = await insertChildAt(dataSource, 'KENT', 'LINKED');
    const meeting = await insertPanelMeeting(dataSource, { panel, ...window });
    const item = await insertAgendaItem(dataSource, { meeting, match: journey.match! });
    return { item: item.id, child: journey.child.id, match: journey.match!.id, household: journey.household!.id, meeting: meeting.id };
  };
  memberCase = await onAgenda(2, OPEN);
  chairCase = await onAgenda(1, OPEN);
  closedItem = (await onAgenda(1, CLOSED)).item;
  const household = await insertHousehold(dataSource, { stage: 'PANEL' });
  const meeting = await insertPanelMeeting(dataSource, { panel: 1, ...OPEN });
  recommendedItem = (await insertAgendaItem(dataSource, { meeting, household, recommendation: 'POSITIVE' })).id;
});

const DECLARE = `mutation ($input: DeclareInterestInput!) { declareInterest(input: $input) { id agendaItemId panelId staffId reason declaredAt } }`;
const declare = (username: string, agendaItemId: string, reason = REASON) =>
  api().as(username)(DECLARE, { input: { agendaItemId, reason } });
/** Each of the case's records, asked for on its own: the codes the three lookups give. */
const papers = (username: string, c: Case) =>
  Promise.all(
    (['child', 'match', 'household'] as const).map(async (field) => {
      const { data, errors } = await api().as(username)(`query ($id: ID!) { ${field}(id: $id) { id } }`, { id: c[field] });
      return errors ? errors[0]!.extensions.code : data![field].id;
    }),
  );
const DECLARATIONS = `query ($meeting: ID!) { panelMeeting(id: $meeting) { agendaItems { id child { id } declarations { staffId reason } } } }`;
const declarationsOn = async (username: string, c: Case) => {
  const { data, errors } = await api().as(username)(DECLARATIONS, { meeting: c.meeting });
  expect(errors).toBeUndefined();
  return data!.panelMeeting.agendaItems.find((i: { id: string }) => i.id === c.item);
};
const RECOMMEND = `mutation ($input: RecordPanelRecommendationInput!) { recordPanelRecommendation(input: $input) { id recommendation } }`;
const recommend = (username: string, agendaItemId: string) =>
  api().as(username)(RECOMMEND, { input: { agendaItemId, recommendation: 'POSITIVE', reasons: 'a good match' } });
const codeOf = (response: { errors?: readonly { extensions: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

describe('a panel member who declares an interest', () => {
  it('reads the case’s papers before declaring', async () => {
    expect(await papers('panel.2', memberCase)).toEqual([memberCase.child, memberCase.match, memberCase.household]);
  });

  it('declares, and the declaration names them, the item and the reason', async () => {
    const { data, errors } = await declare('panel.2', memberCase.item);
    expect(errors).toBeUndefined();
    declared.set(data!.declareInterest.id, 'panel.2');
    expect(data!.declareInterest).toMatchObject({ agendaItemId: memberCase.item, staffId: demoStaff('panel.2').id, reason: REASON });
  });

  it('loses the child, the match and the household at once: NOT_FOUND, as if on no agenda of theirs', async () => {
    expect(await papers('panel.2', memberCase)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });

  it('still sees the item on the agenda, its case withheld, and no one’s declarations', async () => {
    expect(await declarationsOn('panel.2', memberCase)).toEqual({ id: memberCase.item, child: null, declarations: [] });
  });

  it('cannot declare twice (CONFLICT)', async () => {
    expect(codeOf(await declare('panel.2', memberCase.item))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RECORDED' });
  });
});

describe('the panel’s officers see the declaration', () => {
  it.each(['chair.2', 'adviser.2'])('%s reads who declared and why', async (officer) => {
    const item = await declarationsOn(officer, memberCase);
    expect(item.declarations).toEqual([{ staffId: demoStaff('panel.2').id, reason: REASON }]);
  });

  it('another panel’s officers cannot reach the meeting (NOT_FOUND)', async () => {
    const response = await api().as('panel.1')(DECLARATIONS, { meeting: memberCase.meeting });
    expect(codeOf(response)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a chair who declares an interest', () => {
  it('may not record the recommendation on it (FORBIDDEN, DECLARED_AN_INTEREST)', async () => {
    const { data, errors } = await declare('panel.1', chairCase.item);
    expect(errors).toBeUndefined();
    declared.set(data!.declareInterest.id, 'panel.1');
    expect(codeOf(await recommend('panel.1', chairCase.item))).toMatchObject({ code: 'FORBIDDEN', reason: 'DECLARED_AN_INTEREST' });
  });

  it('the vice chair records it instead', async () => {
    const { data, errors } = await recommend('vicechair.1', chairCase.item);
    expect(errors).toBeUndefined();
    expect(data!.recordPanelRecommendation.recommendation).toBe('POSITIVE');
  });
});

describe('what is refused', () => {
  it('another panel’s item is out of reach (NOT_FOUND)', async () => {
    expect(codeOf(await declare('panel.2', chairCase.item))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('once the papers have closed (FORBIDDEN, PANEL_WINDOW_CLOSED)', async () => {
    expect(codeOf(await declare('panel.1', closedItem))).toMatchObject({ code: 'FORBIDDEN', reason: 'PANEL_WINDOW_CLOSED' });
  });

  it('once the panel has recommended (CONFLICT)', async () => {
    expect(codeOf(await declare('adviser.1', recommendedItem))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RECORDED' });
  });

  it.each(['adm.kent', 'ppm.kent', 'finder.1', 'access.admin'])('%s, who sits on no panel (FORBIDDEN)', async (username) => {
    expect(codeOf(await declare(username, memberCase.item))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['an empty reason', { agendaItemId: 'ITEM', reason: '   ' }, 'reason'],
    ['an id that is not one', { agendaItemId: 'not-an-id', reason: REASON }, 'agendaItemId'],
  ])('%s is BAD_USER_INPUT naming the field', async (_what, input, field) => {
    const response = await api().as('panel.1')(DECLARE, {
      input: { ...input, agendaItemId: input.agendaItemId.replace('ITEM', chairCase.item) },
    });
    expect(codeOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

it('the access log records each declaration, by whom, with the authority of the child, and withholds the reason', async () => {
  expect(declared.size).toBe(2);
  for (const [subjectId, username] of declared) {
    const { data, errors } = await api().as('auditor.1')(
      `query ($subjectId: ID!) { auditEvents(first: 5, filter: { subjectId: $subjectId }) { edges { node { action staffId subjectType authorities changes } } } }`,
      { subjectId },
    );
    expect(errors).toBeUndefined();
    const [event, ...more] = data!.auditEvents.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: 'create',
      subjectType: 'InterestDeclaration',
      staffId: demoStaff(username).id,
      authorities: ['KENT'],
    });
    expect(event.changes.reason).toMatchObject({ withheld: 'narrative' });
    expect(JSON.stringify(data)).not.toContain(REASON);
  }
});
