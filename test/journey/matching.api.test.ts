import type { HouseholdRecord } from '../../src/households/household.entity';
import { insertChildAt, insertHousehold, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { forbidden, itRefusesWithoutWrites, M, neverReadChildren, notFound, Q, type Refusal } from './journey-api';

/**
 * Links and matches (docs/domain.md, "Who records what"): the family finder allocated to a child proposes a
 * household; after a positive panel recommendation the child's ADM decides the match.
 */
const TODAY = '2026-11-20';
let awaitingLink: ChildJourney;
let approved: HouseholdRecord;
let recommended: ChildJourney;

const api = useTestApi(async ({ dataSource }) => {
  approved = await insertHousehold(dataSource);
  awaitingLink = await insertChildAt(dataSource, 'KENT', 'AUTHORITY_TO_PLACE', { finder: 'finder.1' });
  recommended = await insertChildAt(dataSource, 'KENT', 'MATCH_RECOMMENDED', {
    finder: 'finder.1',
    panel: 1,
    meetingOn: '2026-11-17',
  });
}, `${TODAY}T12:00:00Z`);

describe('proposeMatch', () => {
  it('the allocated family finder links a Kent child with an approved household: the child is linked', async () => {
    const { child } = await insertChildAt(api().dataSource, 'KENT', 'AUTHORITY_TO_PLACE', { finder: 'finder.1' });
    const input = { childId: child.id, householdId: approved.id, proposedOn: TODAY };
    const { data, errors } = await api().as('finder.1')(M.proposeMatch, { input });
    expect(errors).toBeUndefined();
    expect(data!.proposeMatch).toMatchObject({
      childId: child.id,
      householdId: approved.id,
      authority: 'KENT',
      status: 'PROPOSED',
      proposedOn: TODAY,
    });
    const read = await api().as('finder.1')(Q.child, { id: child.id });
    expect(read.data!.child).toMatchObject({ stage: 'LINKED', version: child.version + 1 });
  });

  it('a family finder proposes for a child of any authority allocated to them (a Medway child)', async () => {
    const { child } = await insertChildAt(api().dataSource, 'MEDWAY', 'AUTHORITY_TO_PLACE', { finder: 'finder.2' });
    const input = { childId: child.id, householdId: approved.id, proposedOn: TODAY };
    const { data, errors } = await api().as('finder.2')(M.proposeMatch, { input });
    expect(errors).toBeUndefined();
    expect(data!.proposeMatch).toMatchObject({ authority: 'MEDWAY', status: 'PROPOSED' });
  });

  const refusals: Refusal[] = [
    notFound('a family finder cannot propose for a child not allocated to them', 'finder.2'),
    forbidden('a Kent PPM lead cannot propose a match for a Kent child: family finders propose', 'ppm.kent', 'ROLE_MAY_NOT_PROPOSE'),
    forbidden('a Kent ADM cannot propose a match for a Kent child: the ADM decides it', 'adm.kent', 'ROLE_MAY_NOT_PROPOSE'),
    notFound('a Medway PPM lead cannot propose for a Kent child', 'ppm.medway'),
    notFound('a Medway ADM cannot propose for a Kent child', 'adm.medway'),
    notFound('a Bexley ADM cannot propose for a Kent child', 'adm.bexley'),
    notFound('a panel chair with the child on no agenda cannot propose', 'panel.1'),
    ...neverReadChildren('propose a match'),
  ];
  itRefusesWithoutWrites(api, refusals, M.proposeMatch, () => ({
    input: { childId: awaitingLink.child.id, householdId: approved.id, proposedOn: TODAY },
  }));
});

describe('recordMatchDecision', () => {
  it('a Kent ADM decides a recommended Kent match: the match is approved and the child matched', async () => {
    const { child, match } = await insertChildAt(api().dataSource, 'KENT', 'MATCH_RECOMMENDED', {
      meetingOn: '2026-11-17',
    });
    const input = {
      matchId: match!.id,
      version: match!.version,
      outcome: 'APPROVED',
      decidedOn: '2026-11-19',
      rationale: 'meets the child’s needs',
    };
    const { data, errors } = await api().as('adm.kent')(M.recordMatchDecision, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordMatchDecision).toMatchObject({
      id: match!.id,
      status: 'APPROVED',
      approvedOn: '2026-11-19',
      version: match!.version + 1,
    });
    const read = await api().as('adm.kent')(Q.child, { id: child.id });
    expect(read.data!.child).toMatchObject({ stage: 'MATCHED', matchedOn: '2026-11-19' });
    expect(read.data!.child.decisions).toContainEqual(
      expect.objectContaining({ kind: 'MATCH', outcome: 'APPROVED', matchId: match!.id, decidedOn: '2026-11-19' }),
    );
  });

  const refusals: Refusal[] = [
    forbidden('a Kent PPM lead cannot decide a Kent match: PPM leads decide nothing', 'ppm.kent', 'ROLE_MAY_NOT_DECIDE'),
    forbidden('the allocated family finder cannot decide the match they proposed', 'finder.1', 'ROLE_MAY_NOT_DECIDE'),
    forbidden('the chair of the recommending panel cannot decide: panels recommend, never decide', 'panel.1', 'ROLE_MAY_NOT_DECIDE'),
    notFound('a Medway ADM cannot decide a Kent match', 'adm.medway'),
    notFound('a Bexley ADM cannot decide a Kent match', 'adm.bexley'),
    notFound('a Medway PPM lead cannot decide a Kent match', 'ppm.medway'),
    notFound('a family finder not allocated to the child cannot decide its match', 'finder.2'),
    notFound('the chair of panel 2 cannot decide a match heard by panel 1', 'chair.2'),
    ...neverReadChildren('decide a match'),
  ];
  itRefusesWithoutWrites(api, refusals, M.recordMatchDecision, () => ({
    input: {
      matchId: recommended.match!.id,
      outcome: 'APPROVED',
      decidedOn: '2026-11-19',
      rationale: 'meets the child’s needs',
    },
  }));
});
