import { insertChildAt } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectConflictWithoutWrites, expectInvalidWithoutWrites, M } from './journey-api';

/**
 * The legal order of the child's journey (docs/domain.md, "The child's journey" and its invariants). A step out
 * of order is BAD_USER_INPUT naming the field and the rule; a one-off step recorded twice is CONFLICT.
 * Either way nothing is written.
 */
const api = useTestApi(undefined, '2026-11-20T12:00:00Z');
const db = () => api().dataSource;

describe('recordAdoptionPlanDecision', () => {
  const decide = (childId: string, decidedOn: string) => ({
    input: { childId, decidedOn, rationale: 'adoption is the plan' },
  });

  it('the decision cannot precede the day the child entered care', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'CONSIDERING_ADOPTION', {
      dates: { enteredCareOn: '2026-02-10' },
    });
    await expectInvalidWithoutWrites(
      api(),
      'adm.kent',
      M.recordAdoptionPlanDecision,
      decide(child.id, '2026-02-09'),
      'decidedOn',
      /entered care/,
    );
  });

  it('the decision may fall on the day the child entered care', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'CONSIDERING_ADOPTION', {
      dates: { enteredCareOn: '2026-02-10' },
    });
    const { errors } = await api().as('adm.kent')(M.recordAdoptionPlanDecision, decide(child.id, '2026-02-10'));
    expect(errors).toBeUndefined();
  });

  it('a second plan decision is CONFLICT', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
    await expectConflictWithoutWrites(api(), 'adm.kent', M.recordAdoptionPlanDecision, decide(child.id, '2026-11-02'), 'ALREADY_RECORDED');
  });
});

describe('recordPlacementOrder', () => {
  const order = (childId: string, grantedOn: string) => ({ input: { childId, grantedOn } });

  it('a placement order needs the ADM’s plan decision first', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'CONSIDERING_ADOPTION');
    await expectInvalidWithoutWrites(
      api(),
      'ppm.kent',
      M.recordPlacementOrder,
      order(child.id, '2026-11-02'),
      ['grantedOn', 'childId'],
      /plan decision|placed for adoption/,
    );
  });

  it('a placement order cannot be dated before the plan decision', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED', { dates: { planDecidedOn: '2026-05-05' } });
    await expectInvalidWithoutWrites(
      api(),
      'ppm.kent',
      M.recordPlacementOrder,
      order(child.id, '2026-05-04'),
      'grantedOn',
      /plan decision/,
    );
  });

  it('a second placement order is CONFLICT', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'AUTHORITY_TO_PLACE');
    await expectConflictWithoutWrites(api(), 'ppm.kent', M.recordPlacementOrder, order(child.id, '2026-11-02'), 'ALREADY_RECORDED');
  });
});

describe('recordPlacement', () => {
  it('a placement needs a placement order or consent, even after an approved early-permanence match', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'MATCHED', { earlyPermanence: true });
    const placement = { input: { childId: child.id, placedOn: '2026-11-02' } };
    await expectInvalidWithoutWrites(api(), 'ppm.kent', M.recordPlacement, placement, 'placedOn', /placement order/);
  });
});

describe('recordMatchDecision', () => {
  const approve = (matchId: string, decidedOn = '2026-11-19') => ({
    input: { matchId, outcome: 'APPROVED', decidedOn, rationale: 'meets the child’s needs' },
  });

  it('a match cannot be decided before the placement order without early permanence', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED', { placementOrder: false });
    await expectInvalidWithoutWrites(api(), 'adm.kent', M.recordMatchDecision, approve(match!.id), 'decidedOn', /early permanence/);
  });

  it('a placement order granted after the decision’s date does not count', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED', {
      dates: { placementOrderGrantedOn: '2026-11-19' },
    });
    await expectInvalidWithoutWrites(
      api(),
      'adm.kent',
      M.recordMatchDecision,
      approve(match!.id, '2026-11-18'),
      'decidedOn',
      /early permanence/,
    );
  });

  it('a match before the placement order is decided when the child is placed early with that household', async () => {
    const { child, match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED', { earlyPermanence: true });
    const { data, errors } = await api().as('adm.kent')(M.recordMatchDecision, approve(match!.id));
    expect(errors).toBeUndefined();
    expect(data!.recordMatchDecision).toMatchObject({
      childId: child.id,
      status: 'APPROVED',
      approvedOn: '2026-11-19',
    });
  });

  it('a match cannot be decided without a panel recommendation', async () => {
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
    await expectInvalidWithoutWrites(
      api(),
      'adm.kent',
      M.recordMatchDecision,
      approve(match!.id),
      ['matchId', 'outcome'],
      /panel recommendation/,
    );
  });

  it.each(['NEGATIVE', 'DEFERRED'] as const)('a match cannot be approved after a %s panel recommendation', async (recommendation) => {
    const { match } = await insertChildAt(db(), 'KENT', 'LINKED', { recommendation });
    await expectInvalidWithoutWrites(
      api(),
      'adm.kent',
      M.recordMatchDecision,
      approve(match!.id),
      ['matchId', 'outcome'],
      /panel recommendation/,
    );
  });
});

describe('recordAdoptionOrder', () => {
  const order = (childId: string, grantedOn: string) => ({ input: { childId, grantedOn } });
  const placedOnFirstOfSeptember = () => insertChildAt(db(), 'KENT', 'PLACED', { dates: { placedOn: '2026-09-01' } });

  it('an adoption order 69 days after placement is too early (10 weeks is 70 days)', async () => {
    const { child } = await placedOnFirstOfSeptember();
    await expectInvalidWithoutWrites(api(), 'ppm.kent', M.recordAdoptionOrder, order(child.id, '2026-11-09'), 'grantedOn', /10 weeks/);
  });

  it('an adoption order 70 days after placement is accepted', async () => {
    const { child } = await placedOnFirstOfSeptember();
    const { data, errors } = await api().as('ppm.kent')(M.recordAdoptionOrder, order(child.id, '2026-11-10'));
    expect(errors).toBeUndefined();
    expect(data!.recordAdoptionOrder).toMatchObject({ stage: 'ADOPTED', adoptionOrderGrantedOn: '2026-11-10' });
  });

  it('an adoption order needs an adoptive placement', async () => {
    const { child } = await insertChildAt(db(), 'KENT', 'MATCHED');
    await expectInvalidWithoutWrites(api(), 'ppm.kent', M.recordAdoptionOrder, order(child.id, '2026-11-10'), 'grantedOn', /placement/);
  });

  it('a second adoption order is CONFLICT', async () => {
    const { child } = await placedOnFirstOfSeptember();
    expect((await api().as('ppm.kent')(M.recordAdoptionOrder, order(child.id, '2026-11-10'))).errors).toBeUndefined();
    await expectConflictWithoutWrites(api(), 'ppm.kent', M.recordAdoptionOrder, order(child.id, '2026-11-12'), 'ALREADY_RECORDED');
  });
});
