import { buildSchema, graphql, type GraphQLObjectType } from 'graphql';
import { guardRelations } from '../../src/access/relation-guard';

/**
 * The relation guard, on a schema of its own: a classified relation that the field guard hid resolves to null
 * without its resolver running (no query, nothing loaded); one it did not hide resolves as usual. Applied to the
 * whole schema, so a new relation resolver is guarded without anyone remembering to.
 */
const schema = buildSchema(`
  type Decision { id: ID! }
  type Child { id: ID! firstName: String decisions: [Decision!] }
  type Household { id: ID! stageHistory: [Decision!] }
  type Query { child: Child household: Household }
`);
const loaded: string[] = [];
const relation = (name: string) => () => {
  loaded.push(name);
  return [{ id: 'd1' }];
};
(schema.getType('Child') as GraphQLObjectType).getFields().decisions!.resolve = relation('decisions');
(schema.getType('Household') as GraphQLObjectType).getFields().stageHistory!.resolve = relation('stageHistory');
guardRelations(schema);

async function run(redactedFields: string[]) {
  loaded.length = 0;
  const result = await graphql({
    schema,
    source: '{ child { id decisions { id } } household { id stageHistory { id } } }',
    rootValue: { child: { id: 'c1', redactedFields }, household: { id: 'h1', redactedFields } },
  });
  return { data: result.data, loaded: [...loaded] };
}

it('a relation the field guard hid is null, and its resolver never runs', async () => {
  expect(await run(['decisions', 'stageHistory'])).toEqual({
    data: { child: { id: 'c1', decisions: null }, household: { id: 'h1', stageHistory: null } },
    loaded: [],
  });
});

it('a relation the field guard left readable resolves as usual', async () => {
  expect(await run([])).toEqual({
    data: { child: { id: 'c1', decisions: [{ id: 'd1' }] }, household: { id: 'h1', stageHistory: [{ id: 'd1' }] } },
    loaded: ['decisions', 'stageHistory'],
  });
});
