import type { EntityTarget } from 'typeorm';
import { ChildRecord } from '../../src/journey/child.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting } from '../helpers/journey-factories';
import { useTestApi, type GraphQLResponse } from '../helpers/test-api';
import { expectConflictWithoutWrites, M, Q } from './journey-api';

/**
 * Optimistic concurrency (docs/api-contract.md, "Versions and concurrent changes"): a change carries the
 * version the caller last read; a stale one is CONFLICT and writes nothing. Concurrent changes to one record
 * never lose each other's work.
 */
const api = useTestApi(undefined, '2026-11-20T12:00:00Z');
const db = () => api().dataSource;

/** Someone else changes the record first: its version moves on, so `version` is now stale. */
async function changedBySomeoneElse(entity: EntityTarget<{ id: string; version: number }>, id: string): Promise<void> {
  await db().getRepository(entity).increment({ id }, 'version', 1);
}

type Attempt = { username: string; query: string; input: Record<string, unknown> };
type Stale = [step: string, arrange: () => Promise<Attempt>];

const staleRows: Stale[] = [
  [
    'updateChild',
    async () => {
      const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
      await changedBySomeoneElse(ChildRecord, child.id);
      const input = { childId: child.id, version: child.version, lastName: 'Stale' };
      return { username: 'ppm.kent', query: M.updateChild, input };
    },
  ],
  [
    'recordPlacementOrder',
    async () => {
      const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
      await changedBySomeoneElse(ChildRecord, child.id);
      const input = { childId: child.id, version: child.version, grantedOn: '2026-11-02' };
      return { username: 'ppm.kent', query: M.recordPlacementOrder, input };
    },
  ],
  [
    'recordMatchDecision',
    async () => {
      const { match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED');
      await changedBySomeoneElse(MatchRecord, match!.id);
      const input = {
        matchId: match!.id,
        version: match!.version,
        outcome: 'APPROVED',
        decidedOn: '2026-11-19',
        rationale: 'ok',
      };
      return { username: 'adm.kent', query: M.recordMatchDecision, input };
    },
  ],
  [
    'advanceHouseholdStage',
    async () => {
      const household = await insertHousehold(db(), { stage: 'ENQUIRY' });
      await changedBySomeoneElse(HouseholdRecord, household.id);
      const input = {
        householdId: household.id,
        version: household.version,
        stage: 'INFORMATION_EVENT',
        enteredOn: '2026-11-19',
      };
      return { username: 'finder.1', query: M.advanceHouseholdStage, input };
    },
  ],
  [
    'withdrawHousehold',
    async () => {
      const household = await insertHousehold(db(), { stage: 'STAGE_2' });
      await changedBySomeoneElse(HouseholdRecord, household.id);
      const input = {
        householdId: household.id,
        version: household.version,
        withdrawnOn: '2026-11-19',
        reason: 'moving',
      };
      return { username: 'finder.1', query: M.withdrawHousehold, input };
    },
  ],
  [
    'decideHouseholdApproval',
    async () => {
      const household = await insertHousehold(db(), { stage: 'PANEL' });
      const meeting = await insertPanelMeeting(db(), { panel: 4, meetingOn: '2026-11-12' });
      await insertAgendaItem(db(), { meeting, household, recommendation: 'POSITIVE' });
      await changedBySomeoneElse(HouseholdRecord, household.id);
      const input = {
        householdId: household.id,
        version: household.version,
        outcome: 'APPROVED',
        decidedOn: '2026-11-19',
        rationale: 'ok',
      };
      return { username: 'adm.raa', query: M.decideHouseholdApproval, input };
    },
  ],
  [
    'recordPanelRecommendation',
    async () => {
      const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-11-18' });
      const household = await insertHousehold(db(), { stage: 'PANEL' });
      const item = await insertAgendaItem(db(), { meeting, household });
      await changedBySomeoneElse(AgendaItemRecord, item.id);
      const input = { agendaItemId: item.id, version: item.version, recommendation: 'POSITIVE', reasons: 'ready' };
      return { username: 'panel.1', query: M.recordPanelRecommendation, input };
    },
  ],
];

describe('a stale version', () => {
  it.each(staleRows)('%s with a version someone else moved on is CONFLICT, nothing written', async (_step, arrange) => {
    const { username, query, input } = await arrange();
    await expectConflictWithoutWrites(api(), username, query, { input }, 'STALE_VERSION');
  });
});

const codes = (responses: GraphQLResponse[]) => responses.map((r) => r.errors?.[0]?.extensions.code ?? 'OK').sort();

describe('concurrent changes to one child', () => {
  it('two updateChild calls with the same version: exactly one succeeds, the other is CONFLICT, nothing lost', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
    const update = (fields: Record<string, string>) =>
      api().as('ppm.kent')(M.updateChild, { input: { childId: child.id, version: child.version, ...fields } });
    const responses = await Promise.all([update({ lastName: 'First' }), update({ healthNeeds: 'second' })]);
    expect(codes(responses)).toEqual(['CONFLICT', 'OK']);

    const winner = responses.find((r) => !r.errors)!.data!.updateChild;
    const afterRace = (await api().as('ppm.kent')(Q.child, { id: child.id })).data!.child;
    expect(afterRace).toMatchObject({
      version: child.version + 1,
      lastName: winner.lastName,
      healthNeeds: winner.healthNeeds,
    });

    const retry = await api().as('ppm.kent')(M.updateChild, {
      input: { childId: child.id, version: afterRace.version, lastName: 'First', healthNeeds: 'second' },
    });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.updateChild).toMatchObject({
      lastName: 'First',
      healthNeeds: 'second',
      version: child.version + 2,
    });
  });

  it('two updateChild calls without a version are applied one after the other: both changes are kept', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
    const update = (fields: Record<string, string>) => api().as('ppm.kent')(M.updateChild, { input: { childId: child.id, ...fields } });
    const responses = await Promise.all([update({ lastName: 'First' }), update({ healthNeeds: 'second' })]);
    expect(codes(responses)).toEqual(['OK', 'OK']);
    const read = await api().as('ppm.kent')(Q.child, { id: child.id });
    expect(read.data!.child).toMatchObject({ lastName: 'First', healthNeeds: 'second', version: child.version + 2 });
  });

  it('two placement orders recorded at once: one is recorded, the other is CONFLICT', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
    const record = (grantedOn: string) => api().as('ppm.kent')(M.recordPlacementOrder, { input: { childId: child.id, grantedOn } });
    const responses = await Promise.all([record('2026-11-02'), record('2026-11-03')]);
    expect(codes(responses)).toEqual(['CONFLICT', 'OK']);
    expect(await db().getRepository(PlacementOrderRecord).countBy({ childId: child.id })).toBe(1);
  });
});
