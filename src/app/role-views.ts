import { join } from 'node:path';
import {
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  getNamedType,
  isEnumType,
  lexicographicSortSchema,
  printType,
  type GraphQLField,
  type GraphQLFieldConfig,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { AppAbility } from '../authz/ability';
import { FIELD_CLASSES, allFieldsOf, type GuardedSubject } from '../authz/field-classes';
import { MATRIX_ROLES, symbolicAbilityOf, type MatrixRole } from '../authz/matrix/access-matrix';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import { QUERY_ACCESS } from '../authz/query-access';
import { SUBJECT_TYPES, type SubjectType } from '../authz/vocabulary';
import { projectRoot } from '../common/project-root';
import { buildApiSchema } from './schema';

/**
 * The contract as each role sees it (schema/roles/<role>.graphql, README "A front end's set-up"): the queries and
 * mutations it may ever call, and the types and fields it may ever read, from the live policy with the access
 * matrix's symbolic facts. Marks, in descriptions so that tools reading the SDL keep them:
 * - a field whose description ends `[redactable] …` is null on some records for the role, and named in their
 *   `redactedFields`;
 * - a type whose description ends `[never readable] …` names the fields left out because the role never reads them.
 */
export const REDACTABLE = '[redactable] For this role, null on some records and named in their `redactedFields`.';
export const NEVER_READABLE = '[never readable] For this role always null and named in `redactedFields`, so left out here:';

export const ROLE_VIEWS_DIR = join(projectRoot(), 'schema', 'roles');

/** The subject a GraphQL type is read as, where its name is not the subject's own. */
const SUBJECT_OF_TYPE: Record<string, SubjectType> = { PooledBudgetYear: 'PooledBudget' };

function subjectOf(typeName: string): SubjectType | null {
  return SUBJECT_OF_TYPE[typeName] ?? ((SUBJECT_TYPES as readonly string[]).includes(typeName) ? (typeName as SubjectType) : null);
}

const isGuarded = (typeName: string): typeName is GuardedSubject => typeName in FIELD_CLASSES;

/** A role's file name: its matrix name in lower case, words joined by hyphens ("ADM (an authority’s)" → adm-an-authority). */
export function roleFileName(role: MatrixRole): string {
  const slug = role.name
    .toLowerCase()
    .replace(/’s\b/g, '')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}.graphql`;
}

/** What one role may ever do and read, asked of its ability. */
class RoleReach {
  constructor(private readonly ability: AppAbility) {}

  callable(rootType: string, field: string): boolean {
    if (rootType === 'Mutation') {
      const access = MUTATION_ACCESS[field as keyof typeof MUTATION_ACCESS];
      if (!access) throw new Error(`the mutation ${field} has no row in MUTATION_ACCESS`);
      return this.ability.can(access.action, access.subject);
    }
    const subject = QUERY_ACCESS[field];
    if (subject === undefined) throw new Error(`the query ${field} has no row in QUERY_ACCESS`);
    return subject === null || this.ability.can('read', subject);
  }

  readsType(typeName: string): boolean {
    const subject = subjectOf(typeName);
    return subject === null || this.ability.can('read', subject);
  }

  /** Whether some read rule grants the field, and whether some rule leaves it out or hides it. */
  field(typeName: GuardedSubject, field: string): { readable: boolean; redactable: boolean } {
    const rules = this.ability.possibleRulesFor('read', typeName);
    const grants = rules.filter((rule) => !rule.inverted);
    const hides = rules.filter((rule) => rule.inverted && rule.fields);
    return {
      readable: grants.some((rule) => rule.matchesField(field)),
      redactable: grants.some((rule) => !rule.matchesField(field)) || hides.some((rule) => rule.matchesField(field)),
    };
  }
}

type FieldView = { field: GraphQLField<unknown, unknown>; redactable: boolean };

/** The fields of an object type the role may ever read (for a root type, call), each marked when it may be redacted. */
function visibleFields(type: GraphQLObjectType | GraphQLInterfaceType, reach: RoleReach, schema: GraphQLSchema): FieldView[] {
  const root = type === schema.getQueryType() || type === schema.getMutationType();
  return Object.values(type.getFields()).flatMap((field) => {
    if (root && !reach.callable(type.name, field.name)) return [];
    if (!reach.readsType(getNamedType(field.type).name)) return [];
    if (!isGuarded(type.name) || !allFieldsOf(type.name).includes(field.name)) return [{ field, redactable: false }];
    const { readable, redactable } = reach.field(type.name, field.name);
    return readable ? [{ field, redactable }] : [];
  });
}

const withMark = (description: string | null | undefined, mark: string) => (description ? `${description}\n${mark}` : mark);

function objectView(type: GraphQLObjectType, fields: FieldView[], included: Set<string>, reach: RoleReach): GraphQLObjectType {
  const config = type.toConfig();
  const name = type.name;
  const hidden = isGuarded(name) ? allFieldsOf(name).filter((f) => !reach.field(name, f).readable) : [];
  const viewFields: Record<string, GraphQLFieldConfig<unknown, unknown>> = {};
  for (const { field, redactable } of fields) {
    const fieldConfig = config.fields[field.name]!;
    viewFields[field.name] = redactable ? { ...fieldConfig, description: withMark(fieldConfig.description, REDACTABLE) } : fieldConfig;
  }
  return new GraphQLObjectType({
    ...config,
    description: hidden.length ? withMark(config.description, `${NEVER_READABLE} ${hidden.sort().join(', ')}.`) : config.description,
    interfaces: config.interfaces.filter((i) => included.has(i.name)),
    fields: viewFields,
  });
}

/** The types a role reaches from the root fields it may call, through the fields it may read. */
function reachableTypes(schema: GraphQLSchema, reach: RoleReach): Map<string, FieldView[] | null> {
  const reached = new Map<string, FieldView[] | null>();
  const queue: GraphQLNamedType[] = [schema.getQueryType()!, schema.getMutationType()!];
  const visit = (type: GraphQLNamedType) => {
    if (!reached.has(type.name)) queue.push(type);
  };
  while (queue.length) {
    const type = queue.shift()!;
    if (reached.has(type.name)) continue;
    if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) {
      const fields = visibleFields(type, reach, schema);
      reached.set(type.name, fields);
      for (const { field } of fields) {
        visit(getNamedType(field.type));
        field.args.forEach((arg) => visit(getNamedType(arg.type)));
      }
      if (type instanceof GraphQLObjectType) type.getInterfaces().forEach(visit);
      else
        schema
          .getPossibleTypes(type)
          .filter((t) => reach.readsType(t.name))
          .forEach(visit);
    } else {
      reached.set(type.name, null);
      if (type instanceof GraphQLInputObjectType) Object.values(type.getFields()).forEach((f) => visit(getNamedType(f.type)));
    }
  }
  return reached;
}

/** One role's view as SDL, in schema/schema.graphql's order. */
export function renderRoleView(schema: GraphQLSchema, role: MatrixRole): string {
  const sorted = lexicographicSortSchema(schema);
  const reach = new RoleReach(symbolicAbilityOf(role));
  const reached = reachableTypes(sorted, reach);
  const included = new Set([...reached].filter(([, fields]) => fields === null || fields.length > 0).map(([name]) => name));
  const printed = [...included].sort().map((name) => {
    const type = sorted.getType(name)!;
    const fields = reached.get(name);
    if (type instanceof GraphQLObjectType && fields) return printType(objectView(type, fields, included, reach));
    return printType(isEnumType(type) ? schema.getType(name)! : type);
  });
  const header = [
    `# The API's contract for ${role.name}: the queries and mutations this role may ever call, and the types and`,
    '# fields it may ever read. Generated from the live policy (src/authz/) and schema/schema.graphql by',
    '# `npm run schema`; do not edit. Whether a call succeeds on a given record is still the policy’s, at the time.',
    '# A field whose description ends "[redactable]" is null on some records for this role and named in their',
    '# `redactedFields`; a type whose description ends "[never readable]" names the fields left out, always null for it.',
  ];
  return `${header.join('\n')}\n\n${printed.join('\n\n')}\n`;
}

/** Every role's view, by file name under schema/roles/. */
export async function renderRoleViews(): Promise<Map<string, string>> {
  const schema = await buildApiSchema();
  return new Map(MATRIX_ROLES.map((role) => [roleFileName(role), renderRoleView(schema, role)]));
}
