import { insertChildAt } from '../helpers/journey-factories';
import { onRealServer } from '../helpers/real-server';
import { useTestApi } from '../helpers/test-api';
import { M } from './journey-api';

/**
 * Steps lock the records they change in one order — the child, then its match, then the household — and a
 * deadlock or serialization failure that still happens is tried again once, then answered CONFLICT: two
 * ordinary steps on one child never end in a 500.
 */
const TODAY = '2026-11-20';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

onRealServer('two requests holding locks at once need two backends')('two steps on one child at once', () => {
  // Widens the window between a plan change locking the child and it reaching the child's match.
  beforeAll(async () => {
    await db().query(`CREATE FUNCTION test_slow_allocation_end() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN PERFORM pg_sleep(0.6); RETURN NEW; END $$`);
    await db().query(`CREATE TRIGGER test_slow_allocation_end BEFORE UPDATE ON family_finder_allocations
                      FOR EACH ROW EXECUTE FUNCTION test_slow_allocation_end()`);
  });
  afterAll(async () => {
    await db().query(`DROP TRIGGER test_slow_allocation_end ON family_finder_allocations`);
    await db().query(`DROP FUNCTION test_slow_allocation_end()`);
  });

  it('a plan change and a match decision on the same child at once never deadlock into a 500: the second waits for the first', async () => {
    const { child, match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED');
    const planChange = api().as('ppm.kent')(M.recordPlanChange, {
      input: { childId: child.id, changedOn: TODAY, reason: 'reunification' },
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const decision = api().as('adm.kent')(M.recordMatchDecision, {
      input: { matchId: match!.id, outcome: 'APPROVED', decidedOn: TODAY, rationale: 'the right family' },
    });
    const [changed, decided] = await Promise.all([planChange, decision]);
    expect([changed.status, decided.status]).toEqual([200, 200]);
    const codes = [changed, decided].flatMap((r) => (r.errors ?? []).map((e) => e.extensions.code));
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(changed.errors).toBeUndefined();
    // The match was withdrawn before the ADM could decide it.
    expect(decided.errors?.[0]?.extensions.code).toMatch(/CONFLICT|BAD_USER_INPUT/);
  });
});
