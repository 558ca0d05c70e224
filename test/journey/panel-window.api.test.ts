import type { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectRefused, expectRefusedWithoutWrites, M, Q } from './journey-api';

/**
 * A panel's papers open and close with the meeting (docs/domain.md, "The roles"): members of the panel read the
 * cases on the agenda from the papers' release until 7 days after the meeting, seeing of a child's identity its
 * first name and age only, and its birth family while its match is before them ("Statutory grounds"); the chair or vice chair records the recommendation from the meeting day until the papers close.
 */
const RELEASED = '2026-11-24';
const MEETING = '2026-12-01';
const CLOSES = '2026-12-08';
const at = (date: string) => `${date}T12:00:00Z`;

let onAgenda: ChildJourney;
const items = {} as Record<'early' | 'onTheDay' | 'lastDay' | 'late', AgendaItemRecord>;

const api = useTestApi(async ({ dataSource }) => {
  const meeting = await insertPanelMeeting(dataSource, { panel: 1, meetingOn: MEETING, papersReleasedOn: RELEASED });
  onAgenda = await insertChildAt(dataSource, 'KENT', 'LINKED', {
    child: { nhsNumber: '9434765919', ethnicity: 'Mixed' },
  });
  await insertAgendaItem(dataSource, { meeting, match: onAgenda.match });
  for (const key of ['early', 'onTheDay', 'lastDay', 'late'] as const) {
    items[key] = await insertAgendaItem(dataSource, {
      meeting,
      household: await insertHousehold(dataSource, { stage: 'PANEL' }),
    });
  }
}, at('2026-11-20'));

describe('reading an agenda child', () => {
  it.each([
    ['the papers’ release day', RELEASED],
    ['the meeting day', MEETING],
    ['the 7th day after the meeting', CLOSES],
  ])(
    'the chair reads the child on %s: first name and age, case and special fields, and (its match being before the panel) its birth family; no other identity',
    async (_day, date) => {
      api().clock.set(at(date));
      const { data, errors } = await api().as('panel.1')(Q.child, { id: onAgenda.child.id });
      expect(errors).toBeUndefined();
      expect(data!.child).toMatchObject({
        firstName: onAgenda.child.firstName,
        ageInYears: 5,
        stage: 'LINKED',
        ethnicity: 'Mixed',
        lastName: null,
        dateOfBirth: null,
        nhsNumber: null,
        birthFamilyBackground: onAgenda.child.birthFamilyBackground,
      });
      expect([...data!.child.redactedFields].sort()).toEqual(['dateOfBirth', 'lastName', 'nhsNumber']);
      expect(data!.child.redactedFields).not.toContain('firstName');
    },
  );

  it.each(['vicechair.1', 'adviser.1'])('every member of the panel reads the papers while open (%s)', async (username) => {
    api().clock.set(at(MEETING));
    const { data, errors } = await api().as(username)(Q.child, { id: onAgenda.child.id });
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({ firstName: onAgenda.child.firstName, lastName: null });
  });

  it.each([
    ['the day before the papers’ release', '2026-11-23'],
    ['the 8th day after the meeting', '2026-12-09'],
  ])('the chair gets NOT_FOUND for the child on %s', async (_day, date) => {
    api().clock.set(at(date));
    expectRefused(await api().as('panel.1')(Q.child, { id: onAgenda.child.id }), 'NOT_FOUND');
  });

  it('the chair’s list of children holds the agenda child while the papers are open, and nothing after', async () => {
    api().clock.set(at(MEETING));
    expect((await api().as('panel.1')(Q.children)).data!.children.totalCount).toBe(1);
    api().clock.set(at('2026-12-09'));
    expect((await api().as('panel.1')(Q.children)).data!.children.totalCount).toBe(0);
  });

  it.each(['chair.2', 'panel.2', 'adviser.2'])(
    'a member of another panel never sees the child, even on the meeting day (%s)',
    async (username) => {
      api().clock.set(at(MEETING));
      expectRefused(await api().as(username)(Q.child, { id: onAgenda.child.id }), 'NOT_FOUND');
    },
  );
});

describe('recording the recommendation within the window', () => {
  const recommend = (item: AgendaItemRecord) => ({
    input: { agendaItemId: item.id, recommendation: 'POSITIVE', reasons: 'ready' },
  });

  it('the chair cannot recommend before the meeting, although the papers are out (FORBIDDEN), nothing written', async () => {
    api().clock.set(at('2026-11-30'));
    await expectRefusedWithoutWrites(api(), 'panel.1', M.recordPanelRecommendation, recommend(items.early), 'FORBIDDEN');
  });

  it.each([
    ['on the meeting day', MEETING, 'onTheDay'],
    ['on the 7th day after the meeting', CLOSES, 'lastDay'],
  ] as const)('the chair records the recommendation %s', async (_day, date, key) => {
    api().clock.set(at(date));
    const { data, errors } = await api().as('panel.1')(M.recordPanelRecommendation, recommend(items[key]));
    expect(errors).toBeUndefined();
    expect(data!.recordPanelRecommendation).toMatchObject({ id: items[key].id, recommendation: 'POSITIVE' });
  });

  it.each(['panel.1', 'vicechair.1'])(
    '%s is refused on the 8th day after the meeting (FORBIDDEN PANEL_WINDOW_CLOSED), nothing written',
    async (username) => {
      api().clock.set(at('2026-12-09'));
      await expectRefusedWithoutWrites(
        api(),
        username,
        M.recordPanelRecommendation,
        recommend(items.late),
        'FORBIDDEN',
        'PANEL_WINDOW_CLOSED',
      );
    },
  );
});
