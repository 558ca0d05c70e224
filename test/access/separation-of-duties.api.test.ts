import { randomUUID } from 'node:crypto';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, panelId } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * Separation of duties (Adoption Agencies Regulations 2005, reg 30B(3): no member of the panel may take part in the
 * decision). A Kent ADM who sat on the panel when it recommended a match may not decide that match, though they may
 * decide others; the refusal carries a stable reason.
 */
const FORMER_MEMBER = randomUUID();
const FORMER_ADVISER = randomUUID();
let heardMatch = '';
let heardHousehold = '';
let otherMatch = '';

const api = useTestApi(async ({ dataSource }) => {
  const heard = await insertChildAt(dataSource, 'KENT', 'MATCH_RECOMMENDED');
  const other = await insertChildAt(dataSource, 'KENT', 'MATCH_RECOMMENDED');
  heardMatch = heard.match!.id;
  otherMatch = other.match!.id;
  const [item] = await dataSource.query(`SELECT panel_id, meeting_on::text AS meeting_on FROM agenda_items WHERE match_id = $1`, [
    heardMatch,
  ]);
  // Moved to another panel the day after the hearing; the other match was heard by a panel they never sat on.
  await dataSource.query(`UPDATE agenda_items SET panel_id = (SELECT id FROM panels WHERE id <> $2 LIMIT 1) WHERE match_id = $1`, [
    otherMatch,
    item.panel_id,
  ]);
  await dataSource.query(`INSERT INTO staff (id, username, display_name) VALUES ($1, 'former.member', 'Former Panel Member')`, [
    FORMER_MEMBER,
  ]);
  await dataSource.query(
    `INSERT INTO role_assignments (staff_id, role, panel_id, panel_role, valid_from, valid_to)
     VALUES ($1, 'PANEL_MEMBER', $2, 'MEMBER', '2020-11-01', $3)`,
    [FORMER_MEMBER, item.panel_id, item.meeting_on],
  );
  await dataSource.query(
    `INSERT INTO role_assignments (staff_id, role, authority, valid_from) VALUES ($1, 'ADM', 'KENT', ($2::date + 1))`,
    [FORMER_MEMBER, item.meeting_on],
  );
  // A former adviser of panel 3, now the partnership's ADM, and the household approval panel 3 recommended.
  const household = await insertHousehold(dataSource, { stage: 'PANEL' });
  const meeting = await insertPanelMeeting(dataSource, { panel: 3, meetingOn: '2026-10-06' });
  await insertAgendaItem(dataSource, { meeting, household, recommendation: 'POSITIVE' });
  heardHousehold = household.id;
  await dataSource.query(`INSERT INTO staff (id, username, display_name) VALUES ($1, 'former.adviser', 'Former Adviser')`, [
    FORMER_ADVISER,
  ]);
  await dataSource.query(
    `INSERT INTO role_assignments (staff_id, role, panel_id, panel_role, valid_from, valid_to)
     VALUES ($1, 'PANEL_MEMBER', $2, 'ADVISER', '2020-11-01', '2026-10-06'), ($1, 'ADM', NULL, NULL, '2026-10-07', NULL)`,
    [FORMER_ADVISER, panelId(3)],
  );
});

const DECIDE = `mutation ($input: RecordMatchDecisionInput!) { recordMatchDecision(input: $input) { id status } }`;
const decide = (matchId: string) =>
  api().asStaff(FORMER_MEMBER)(DECIDE, { input: { matchId, outcome: 'APPROVED', decidedOn: '2026-11-20', rationale: 'a good match' } });

it('an ADM who sat on the panel that recommended a match may not decide it (FORBIDDEN, TOOK_PART_IN_THE_RECOMMENDATION)', async () => {
  const { errors } = await decide(heardMatch);
  expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOOK_PART_IN_THE_RECOMMENDATION' });
});

it('the same ADM decides a match another panel recommended', async () => {
  const { data, errors } = await decide(otherMatch);
  expect(errors).toBeUndefined();
  expect(data!.recordMatchDecision.status).toBe('APPROVED');
});

it('a partnership ADM who sat on the panel that recommended a household’s approval may not decide it (FORBIDDEN, TOOK_PART_IN_THE_RECOMMENDATION)', async () => {
  const { errors } = await api().asStaff(FORMER_ADVISER)(
    `mutation ($input: DecideHouseholdApprovalInput!) { decideHouseholdApproval(input: $input) { id } }`,
    { input: { householdId: heardHousehold, outcome: 'APPROVED', decidedOn: '2026-11-20', rationale: 'agreed' } },
  );
  expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOOK_PART_IN_THE_RECOMMENDATION' });
});
