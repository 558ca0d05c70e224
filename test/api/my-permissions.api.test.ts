import { createMongoAbility, type MongoAbility, type RawRuleOf, subject } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import { insertChild } from '../helpers/factories';
import { CREATE_CHILD } from '../helpers/operations';
import { useTestApi } from '../helpers/test-api';

/** A front end that unpacks `myPermissions` decides as the server does. */
const api = useTestApi(async ({ dataSource }) => {
  await insertChild(dataSource, 'KENT');
});

async function browserAbility(username: string) {
  const { data } = await api().as(username)('{ myPermissions }');
  return createMongoAbility(unpackRules(data!.myPermissions) as RawRuleOf<MongoAbility>[]);
}

const input = (authority: string) => ({
  authority,
  firstName: 'Ada',
  lastName: 'Smith',
  dateOfBirth: '2023-05-01',
  enteredCareOn: '2024-02-12',
});

it.each([
  ['ppm.kent', 'KENT'],
  ['ppm.kent', 'MEDWAY'],
  ['adm.kent', 'KENT'],
  ['board.kent', 'KENT'],
])('for %s creating a %s child, the browser’s answer is the server’s', async (username, authority) => {
  const ability = await browserAbility(username);
  const shown = ability.can('create', subject('Child', { authority }));
  const { errors } = await api().as(username)(CREATE_CHILD, { input: input(authority) });
  expect(errors === undefined).toBe(shown);
});

it('a board director’s browser hides the children menu', async () => {
  expect((await browserAbility('board.medway')).can('read', 'Child')).toBe(false);
  expect((await browserAbility('adm.medway')).can('read', 'Child')).toBe(true);
});
