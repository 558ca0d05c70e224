import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema as buildFromSdl, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../../src/app/schema';
import { RECRUITMENT_STAGES } from '../../src/households/household-stage';
import { CHILD_STAGES, stageAfter } from '../../src/journey/child-stage';

/** Every element a client sees by name: type, field, argument, input field, enum value; introspection and built-in scalars aside. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (name: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe('the schema a code generator reads', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    expect(undescribed(await buildApiSchema())).toEqual([]);
  });
});

describe('enum values in the committed SDL', () => {
  const committed = buildFromSdl(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
  const valuesOf = (schema: GraphQLSchema, name: string) => {
    const type = schema.getType(name);
    return isEnumType(type) ? type.getValues().map((v) => v.name) : [];
  };

  it('keep the order each enum declares, not the alphabet', async () => {
    const built = await buildApiSchema();
    const enums = Object.values(built.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith('__'));
    for (const { name } of enums) expect([name, valuesOf(committed, name)]).toEqual([name, valuesOf(built, name)]);
  });

  it('list ChildStage in the order a child’s journey moves forward, the exits last', () => {
    const stages = valuesOf(committed, 'ChildStage');
    expect(stages).toEqual([...CHILD_STAGES]);
    const journey = stages.slice(0, stages.indexOf('ADOPTED') + 1);
    journey.slice(1).forEach((next, i) => expect(stageAfter(journey[i] as never, next as never)).toBe(next));
    journey.slice(1).forEach((next, i) => expect(stageAfter(next as never, journey[i] as never)).toBe(next));
  });

  it('list HouseholdStage in the order a family finder advances a household, approval and matching after, the exits last', () => {
    const stages = valuesOf(committed, 'HouseholdStage');
    expect(stages.slice(0, RECRUITMENT_STAGES.length)).toEqual([...RECRUITMENT_STAGES]);
    expect(stages.slice(RECRUITMENT_STAGES.length)).toEqual(['APPROVED', 'MATCHED', 'PLACED', 'WITHDRAWN', 'NOT_APPROVED', 'TERMINATED']);
  });

  it('list MatchStatus from proposal to adoption, the exits last', () => {
    expect(valuesOf(committed, 'MatchStatus')).toEqual(['PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED', 'ADOPTED', 'DECLINED', 'WITHDRAWN', 'DISRUPTED']);
  });
});
