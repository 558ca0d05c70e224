import { insertChild } from '../helpers/factories';
import { insertApprovedHousehold } from '../helpers/board-fixtures';
import { useTestApi } from '../helpers/test-api';

/** Aggregates only: board directors see no row of a child or household anywhere; nobody else sees the board view. */
const ids = { child: '', household: '' };
const api = useTestApi(async ({ dataSource }) => {
  ids.child = (await insertChild(dataSource, 'KENT')).id;
  ids.household = (await insertApprovedHousehold(dataSource)).id;
});

const BOARD = '{ boardPerformance(from: "2021-01", to: "2021-02") { byAuthority { month authority matches } } }';
const BUDGET = '{ pooledBudget { financialYear } }';

describe.each(['board.bexley', 'board.kent', 'board.medway'])('%s', (username) => {
  it('reads the board view for all three authorities, month by month', async () => {
    const { data, errors } = await api().as(username)(BOARD);
    expect(errors).toBeUndefined();
    expect(data!.boardPerformance.byAuthority.map((r: { authority: string }) => r.authority)).toEqual([
      'BEXLEY',
      'KENT',
      'MEDWAY',
      'BEXLEY',
      'KENT',
      'MEDWAY',
    ]);
  });

  it.each([
    ['children', () => '{ children { totalCount } }'],
    ['child', () => `{ child(id: "${ids.child}") { id } }`],
    ['households', () => '{ households { totalCount } }'],
    ['household', () => `{ household(id: "${ids.household}") { id } }`],
    ['matches', () => '{ matches { totalCount } }'],
    ['panels', () => '{ panels { id } }'],
    ['supportRequests', () => '{ supportRequests { totalCount } }'],
  ])('is refused %s with FORBIDDEN, before any lookup', async (_entry, query) => {
    const { errors } = await api().as(username)(query());
    expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
  });
});

describe.each(['adm.kent', 'adm.raa', 'ppm.medway', 'finder.1', 'panel.1', 'adviser.1', 'support.1', 'auditor.1'])(
  '%s (not a board director)',
  (username) => {
    it.each([
      ['the board view', BOARD],
      ['the pooled budget', BUDGET],
    ])('is refused %s with FORBIDDEN', async (_view, query) => {
      const { data, errors } = await api().as(username)(query);
      expect(data).toBeNull();
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
    });
  },
);

it.each([
  ['a month that is not one', { from: '2021-13', to: '2021-14' }, 'from'],
  ['a period that ends before it starts', { from: '2021-05', to: '2021-01' }, 'to'],
  ['more than ten years', { from: '2000-01', to: '2021-01' }, 'to'],
])('refuses %s with BAD_USER_INPUT', async (_case, { from, to }, field) => {
  const { errors } = await api().as('board.kent')(`{ boardPerformance(from: "${from}", to: "${to}") { from } }`);
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
});
