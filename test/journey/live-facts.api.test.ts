import type { Request } from 'express';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { proposeMatch } from '../../src/journey/steps/propose-match';
import { recordPlacementOrder } from '../../src/journey/steps/record-placement-order';
import type { RequestContext } from '../../src/access/service-context';
import { appDepsFrom, buildContext } from '../../src/app/request-context';
import { createLogger } from '../../src/common/logger';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, panelId } from '../helpers/journey-factories';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';
import { M, Q } from './journey-api';

/**
 * Access follows the facts as they stand when a write happens, not as they stood when the request began,
 * and a household is open to an authority only while a match with one of its children is.
 */
const TODAY = '2026-11-20';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

/** A request of `username`, opened as the API opens one: its ability decided now, its transaction open. */
async function openRequestAs(username: string): Promise<RequestContext> {
  const token = await signDevToken(TEST_CONFIG.jwt, demoStaff(username).id);
  const req = { header: (name: string) => (name.toLowerCase() === 'authorization' ? `Bearer ${token}` : undefined) } as unknown as Request;
  const deps = appDepsFrom(TEST_CONFIG, db(), createLogger('silent'), () => new Date(`${TODAY}T12:00:00Z`));
  return buildContext(deps, req, `live-facts-${username}`, null);
}

describe('a write decides on the facts as they stand once its row is locked', () => {
  it('a family finder whose allocation ends during the request cannot then propose a match for the child (NOT_FOUND)', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'AUTHORITY_TO_PLACE', { finder: 'finder.2' });
    const household = await insertHousehold(db(), { stage: 'APPROVED' });
    const request = await openRequestAs('finder.2');
    try {
      await request.db.query(`UPDATE family_finder_allocations SET ended_on = $1 WHERE child_id = $2 AND ended_on IS NULL`, [
        TODAY,
        child.id,
      ]);
      await expect(proposeMatch(request, { childId: child.id, householdId: household.id, proposedOn: TODAY })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    } finally {
      await request.db.finish('rollback');
    }
  });

  it('a PPM lead whose assignment ends during the request cannot then record a step on the authority’s child (NOT_FOUND)', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
    const request = await openRequestAs('ppm.kent');
    try {
      // The administrator's change, made beside the request (as the owner, not the request's role).
      await request.db.query(`RESET ROLE`);
      await request.db.query(`DELETE FROM role_assignments WHERE staff_id = $1`, [demoStaff('ppm.kent').id]);
      await request.db.query(`SET LOCAL ROLE apse_app`);
      await expect(recordPlacementOrder(request, { childId: child.id, grantedOn: TODAY })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    } finally {
      await request.db.finish('rollback');
    }
  });

  it('with the facts unchanged, the same write goes through', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'AUTHORITY_TO_PLACE', { finder: 'finder.2' });
    const household = await insertHousehold(db(), { stage: 'APPROVED' });
    const request = await openRequestAs('finder.2');
    try {
      const match = await proposeMatch(request, { childId: child.id, householdId: household.id, proposedOn: TODAY });
      expect(match.status).toBe('PROPOSED');
    } finally {
      await request.db.finish('rollback');
    }
  });
});

describe('access to a household follows live links', () => {
  it('an authority’s ADM reads a household proposed for its child only while their match is open', async () => {
    const { child, household } = await insertChildAt(db(), 'KENT', 'LINKED');
    const read = () => api().as('adm.kent')(Q.household, { id: household!.id });
    expect((await read()).data?.household?.id).toBe(household!.id);
    const changed = await api().as('ppm.kent')(M.recordPlanChange, {
      input: { childId: child.id, changedOn: TODAY, reason: 'reunification with a relative' },
    });
    expect(changed.errors).toBeUndefined();
    const after = await read();
    expect(after.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('another authority’s live match keeps the household open to that authority when one authority’s match ends', async () => {
    const household = await insertHousehold(db(), { stage: 'APPROVED' });
    const kent = await insertChildAt(db(), 'KENT', 'LINKED', { household });
    await insertChildAt(db(), 'MEDWAY', 'LINKED', { household });
    await api().as('ppm.kent')(M.recordPlanChange, { input: { childId: kent.child.id, changedOn: TODAY, reason: 'special guardianship' } });
    expect((await api().as('adm.medway')(Q.household, { id: household.id })).data?.household?.id).toBe(household.id);
    expect((await api().as('adm.kent')(Q.household, { id: household.id })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('a refusal names the rule that refused', () => {
  it('a chair of one panel who sits on another is refused that panel’s item as not its chair (NOT_CHAIR_OF_THIS_PANEL)', async () => {
    const [{ id: staffId }] = await db().query(
      `INSERT INTO staff (username, display_name) VALUES ('chair.member', 'Pat Two-Panels') RETURNING id`,
    );
    await db().query(
      `INSERT INTO role_assignments (staff_id, role, panel_id, panel_role, valid_from) VALUES ($1, 'PANEL_MEMBER', $2, 'CHAIR', '2020-11-01'), ($1, 'PANEL_MEMBER', $3, 'MEMBER', '2020-11-01')`,
      [staffId, panelId(1), panelId(2)],
    );
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED', { panel: 2 });
    const meeting = await insertPanelMeeting(db(), { panel: 2, meetingOn: '2026-11-18' });
    const item = await insertAgendaItem(db(), { meeting, match: match!, recommendation: null });
    const token = await signDevToken(TEST_CONFIG.jwt, staffId);
    const { errors } = await api().withHeader(
      `Bearer ${token}`,
      `mutation { recordPanelRecommendation(input: { agendaItemId: "${item.id}", recommendation: POSITIVE, reasons: "a good match" }) { id } }`,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_CHAIR_OF_THIS_PANEL' });
  });
});
