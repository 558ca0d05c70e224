import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, graphqlSync, type IntrospectionObjectType } from 'graphql';
import { allFieldsOf } from '../../src/authz/field-classes';
import { buildApiSchema, printApiSchema } from '../../src/graphql/schema';
import { Child } from '../../src/children/child.types';

describe('the committed GraphQL schema', () => {
  it('schema/schema.graphql is what the code generates (run `npm run schema` after a change)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${await printApiSchema()}\n`);
  });

  it('every field of Child has a field class, so no column reaches GraphQL unclassified', async () => {
    const schema = await buildApiSchema();
    const { data } = graphqlSync({ schema, source: getIntrospectionQuery() });
    const child = (data as { __schema: { types: IntrospectionObjectType[] } }).__schema.types.find((t) => t.name === 'Child')!;
    const exposed = child.fields.map((f) => f.name).filter((f) => f !== 'redactedFields');
    expect(exposed.sort()).toEqual(allFieldsOf('Child').sort());
  });

  it('decorator metadata survives the test compiler (type-graphql and TypeORM read it)', () => {
    expect(Reflect.getMetadata('design:type', Child.prototype, 'version')).toBe(Number);
  });
});
