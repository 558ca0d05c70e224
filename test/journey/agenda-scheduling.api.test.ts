import { insertAgendaItem, insertChildAt, insertPanelMeeting } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectConflictWithoutWrites, expectInvalidWithoutWrites, M } from './journey-api';

/**
 * Scheduling a match for panel: the adviser sets an agenda before its papers are released (released papers
 * open the child's record to the panel at once), and a match awaits one panel's recommendation at a time.
 */
const TODAY = '2026-11-20';
/** A meeting whose papers are not out yet (released 2026-11-26). */
const UNRELEASED = '2026-12-03';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

describe('scheduleAgendaItem', () => {
  const schedule = (meetingId: string, matchId: string) => ({ input: { meetingId, kind: 'MATCH', matchId } });

  it.each([
    ['on the day they are released', '2026-11-27'],
    ['after they were released', '2026-11-24'],
  ])('a match is not scheduled onto a meeting whose papers are out (%s)', async (_when, meetingOn) => {
    const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn });
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
    await expectInvalidWithoutWrites(
      api(),
      'adviser.1',
      M.scheduleAgendaItem,
      schedule(meeting.id, match!.id),
      'meetingId',
      /papers are released/,
    );
  });

  it('a match already on one agenda, awaiting the panel, is not scheduled onto another: CONFLICT', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
    const first = await insertPanelMeeting(db(), { panel: 1, meetingOn: UNRELEASED });
    const second = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-12-10' });
    expect((await api().as('adviser.1')(M.scheduleAgendaItem, schedule(first.id, match!.id))).errors).toBeUndefined();
    await expectConflictWithoutWrites(api(), 'adviser.1', M.scheduleAgendaItem, schedule(second.id, match!.id), 'ALREADY_IN_PROGRESS');
  });

  it('a match already on panel 1’s agenda is not scheduled onto panel 2’s: CONFLICT', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
    await insertAgendaItem(db(), { meeting: await insertPanelMeeting(db(), { panel: 1, meetingOn: UNRELEASED }), match });
    const panelTwo = await insertPanelMeeting(db(), { panel: 2, meetingOn: UNRELEASED });
    await expectConflictWithoutWrites(api(), 'adviser.2', M.scheduleAgendaItem, schedule(panelTwo.id, match!.id), 'ALREADY_IN_PROGRESS');
  });

  it('a match the panel deferred is scheduled again', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED', { recommendation: 'DEFERRED', meetingOn: '2026-11-17' });
    const next = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-12-08' });
    const { data, errors } = await api().as('adviser.1')(M.scheduleAgendaItem, schedule(next.id, match!.id));
    expect(errors).toBeUndefined();
    expect(data!.scheduleAgendaItem).toMatchObject({ matchId: match!.id, recommendation: null });
  });

  it('the database holds at most one agenda item a match awaiting the panel’s recommendation', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
    await insertAgendaItem(db(), { meeting: await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-12-15' }), match });
    const other = await insertPanelMeeting(db(), { panel: 2, meetingOn: '2026-12-17' });
    await expect(insertAgendaItem(db(), { meeting: other, match })).rejects.toThrow(/agenda_items_one_open_per_match/);
  });
});
