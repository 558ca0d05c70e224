import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { AppAbility } from '../../src/authz/ability';
import { accessibleQuery } from '../../src/access/scoped-reads';
import { ChildRecord } from '../../src/journey/child.entity';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/** The SQL filter lets through exactly the rows `ability.can()` allows, for each shape of rule. */
let rows: ChildRecord[];

const api = useTestApi(async ({ dataSource }) => {
  rows = [
    await insertChild(dataSource, 'KENT', { stage: 'CONSIDERING_ADOPTION', nhsNumber: null }),
    await insertChild(dataSource, 'KENT', { stage: 'PLACED', nhsNumber: '9434765919' }),
    await insertChild(dataSource, 'MEDWAY', { stage: 'PLACED', nhsNumber: null }),
    await insertChild(dataSource, 'BEXLEY', { stage: 'ADOPTED', nhsNumber: '9434765919' }),
  ];
});

type Define = (b: AbilityBuilder<AppAbility>, ids: string[]) => void;
const CASES: [string, Define][] = [
  ['no rule lets nothing through', () => {}],
  ['an unconditional rule lets everything through', (b) => b.can('read', 'Child')],
  ['equality on a column', (b) => b.can('read', 'Child', { authority: 'KENT' })],
  ['rules add up (OR)', (b) => (b.can('read', 'Child', { authority: 'KENT' }), b.can('read', 'Child', { authority: 'BEXLEY' }))],
  ['$in over an id set', (b, ids) => b.can('read', 'Child', { id: { $in: [ids[0]!, ids[2]!] } })],
  ['$in over an empty id set lets nothing through', (b) => b.can('read', 'Child', { id: { $in: [] } })],
  ['$nin keeps rows whose column is null', (b) => b.can('read', 'Child', { nhsNumber: { $nin: ['9434765919'] } })],
  ['$ne keeps rows whose column is null', (b) => b.can('read', 'Child', { nhsNumber: { $ne: '9434765919' } })],
  ['equality with null', (b) => b.can('read', 'Child', { nhsNumber: null })],
  ['an inverted rule subtracts', (b) => (b.can('read', 'Child'), b.cannot('read', 'Child', { stage: 'PLACED' }))],
  [
    'an inverted rule on a nullable column keeps null rows',
    (b) => (b.can('read', 'Child'), b.cannot('read', 'Child', { nhsNumber: '9434765919' })),
  ],
  ['several conditions in one rule (AND)', (b) => b.can('read', 'Child', { authority: 'KENT', stage: 'PLACED' })],
  ['field-restricted rules still grant the row', (b) => b.can('read', 'Child', ['firstName'], { authority: 'MEDWAY' })],
];

it.each(CASES)('%s', async (_case, define) => {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  define(
    builder,
    rows.map((r) => r.id),
  );
  const ability = builder.build();
  const expected = rows
    .filter((r) => ability.can('read', r))
    .map((r) => r.id)
    .sort();
  const got = (await accessibleQuery(api().dataSource.manager, ability, 'read', 'Child', ChildRecord, 'child').getMany())
    .map((r) => r.id)
    .sort();
  expect(got).toEqual(expected);
});

it('a condition on a field the entity does not have is a programming error, not an empty list', () => {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  builder.can('read', 'Child', { favouriteColour: 'blue' } as never);
  expect(() => accessibleQuery(api().dataSource.manager, builder.build(), 'read', 'Child', ChildRecord, 'child')).toThrow(/unknown field/);
});
