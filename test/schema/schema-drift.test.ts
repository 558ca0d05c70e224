import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, graphqlSync, type IntrospectionObjectType } from 'graphql';
import { allFieldsOf } from '../../src/authz/field-classes';
import { buildApiSchema, printApiSchema } from '../../src/app/schema';
import { Child } from '../../src/journey/child.types';

describe('the committed GraphQL schema', () => {
  it('schema/schema.graphql is what the code generates (run `npm run schema` after a change)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${await printApiSchema()}\n`);
  });

  it.each(['Child', 'Household'] as const)(
    'every field of %s has exactly one field class, so no column reaches GraphQL unclassified',
    async (typeName) => {
      const schema = await buildApiSchema();
      const { data } = graphqlSync({ schema, source: getIntrospectionQuery() });
      const type = (data as { __schema: { types: IntrospectionObjectType[] } }).__schema.types.find((t) => t.name === typeName)!;
      const exposed = type.fields.map((f) => f.name).filter((f) => f !== 'redactedFields');
      expect(exposed.sort()).toEqual(allFieldsOf(typeName).sort());
      expect(new Set(allFieldsOf(typeName)).size).toBe(allFieldsOf(typeName).length);
    },
  );

  it('decorator metadata survives the test compiler (type-graphql and TypeORM read it)', () => {
    expect(Reflect.getMetadata('design:type', Child.prototype, 'version')).toBe(Number);
  });
});
