import { GraphQLNonNull, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { FIELD_CLASSES, allFieldsOf, type GuardedSubject } from '../authz/field-classes';

type GuardedView = { redactedFields?: readonly string[] };

/**
 * THE relation guard: a classified field that has its own resolver (a relation: a child's decisions, a
 * household's stage history) resolves to null, without running, wherever the field guard hid it from the
 * caller. Applied to the built schema, for every nullable classified field at once, so that no resolver can
 * forget it (a plain field is already null in the guarded view; a field that cannot be null is never hidden).
 */
export function guardRelations(schema: GraphQLSchema): GraphQLSchema {
  for (const subjectType of Object.keys(FIELD_CLASSES) as GuardedSubject[]) {
    const type = schema.getType(subjectType);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${subjectType} is not an object type of the schema`);
    const fields = type.getFields();
    for (const name of allFieldsOf(subjectType)) {
      const field = fields[name];
      const resolve = field?.resolve;
      if (!field || !resolve || field.type instanceof GraphQLNonNull) continue;
      field.resolve = (view: GuardedView, args, ctx, info) => (view.redactedFields?.includes(name) ? null : resolve(view, args, ctx, info));
    }
  }
  return schema;
}
