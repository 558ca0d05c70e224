import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { accessBasis } from '../authz/access-basis';
import { loggedReadFields } from '../authz/field-classes';
import type { RequestContext } from '../access/service-context';
import { AuditTrail } from './audit-trail';

type LoggedRecord = { id: string; authority?: string | null; proposedFor?: string[] };

/**
 * Every identifying, special-category, criminal-offence or birth-family field of a child or household, and
 * every personal field of a support record, that reaches a caller is written to the access log with the
 * record's authority. The fields come from the classification itself, so a newly classified field is logged
 * without anyone remembering to.
 */
export function logSensitiveReads(schema: GraphQLSchema): GraphQLSchema {
  for (const [subjectType, names] of Object.entries(loggedReadFields())) {
    const type = schema.getType(subjectType);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${subjectType} is not an object type of the schema`);
    const fields = type.getFields();
    for (const name of names) {
      const field = fields[name];
      if (!field) throw new Error(`${subjectType}.${name} is classified but not in the schema`);
      const resolve: GraphQLFieldResolver<LoggedRecord, RequestContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (record, args, ctx, info) => {
        const value = resolve(record, args, ctx, info);
        const log = (v: unknown) => {
          if (v !== null && v !== undefined) {
            ctx.services
              .get(AuditTrail)
              .read(subjectType, record.id, name, record.authority ?? null, () => accessBasis(ctx.actor, ctx.facts, subjectType, record));
          }
          return v;
        };
        return value instanceof Promise ? value.then(log) : log(value);
      };
    }
  }
  return schema;
}
