import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { NEVER_READABLE, REDACTABLE, renderRoleViews } from '../../src/app/role-views';
import { QUERY_ACCESS } from '../../src/authz/query-access';

/**
 * The contract as each role sees it (schema/roles/): what it may ever call and read, from the policy. A front end
 * building one role's screens reads what will come back null, and named in `redactedFields`, from here.
 */
const ROOT = join(__dirname, '..', '..');
const ROLES_DIR = join(ROOT, 'schema', 'roles');
const full = buildSchema(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
const view = (file: string) => buildSchema(readFileSync(join(ROLES_DIR, file), 'utf8'));
const files = readdirSync(ROLES_DIR);

describe('the committed per-role views', () => {
  it('schema/roles/ holds exactly what the code generates, a file a role (run `npm run schema` after a change)', async () => {
    const generated = await renderRoleViews();
    expect(files.sort()).toEqual([...generated.keys()].sort());
    for (const [file, sdl] of generated) expect(`${file}\n${readFileSync(join(ROLES_DIR, file), 'utf8')}`).toBe(`${file}\n${sdl}`);
  });

  it('QUERY_ACCESS names every query of the schema, and nothing else', () => {
    expect(Object.keys(QUERY_ACCESS).sort()).toEqual(Object.keys(full.getQueryType()!.getFields()).sort());
  });

  it.each(files)('%s is a schema of its own, and every type, field and argument in it is the full schema’s', (file) => {
    const part = view(file);
    for (const type of Object.values(part.getTypeMap())) {
      if (type.name.startsWith('__') || !(type instanceof GraphQLObjectType)) continue;
      const whole = full.getType(type.name) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const same = whole.getFields()[field.name]!;
        expect(`${type.name}.${field.name}: ${field.type} (${field.args.map((a) => `${a.name}: ${a.type}`)})`).toBe(
          `${type.name}.${field.name}: ${same.type} (${same.args.map((a) => `${a.name}: ${a.type}`)})`,
        );
      }
    }
  });
});

const rootFields = (schema: GraphQLSchema, root: 'Query' | 'Mutation') => Object.keys((schema.getType(root) as GraphQLObjectType | undefined)?.getFields() ?? {});
const marked = (schema: GraphQLSchema, type: string, field: string) => {
  const t = schema.getType(type) as GraphQLObjectType | undefined;
  const f = t?.getFields()[field];
  if (!f) return (t?.description ?? '').includes(NEVER_READABLE) && (t?.description ?? '').includes(field) ? 'never readable' : 'absent';
  return f.description?.endsWith(REDACTABLE) ? 'redactable' : 'always read';
};

describe.each([
  // file, a query or mutation, may it ever call it
  ['family-finder.graphql', 'Query', 'children', true],
  ['family-finder.graphql', 'Mutation', 'proposeMatch', true],
  ['family-finder.graphql', 'Mutation', 'createChild', false],
  ['family-finder.graphql', 'Query', 'auditEvents', false],
  ['ppm-lead.graphql', 'Mutation', 'createChild', true],
  ['ppm-lead.graphql', 'Mutation', 'recordMatchDecision', false],
  ['board-director.graphql', 'Query', 'boardPerformance', true],
  ['board-director.graphql', 'Query', 'children', false],
  ['board-director.graphql', 'Mutation', 'createChild', false],
  ['access-administrator.graphql', 'Mutation', 'grantRole', true],
  ['access-administrator.graphql', 'Query', 'auditEvents', false],
  ['auditor-the-partnership.graphql', 'Query', 'auditEvents', true],
  ['panel-adviser.graphql', 'Mutation', 'scheduleAgendaItem', true],
  ['panel-member.graphql', 'Mutation', 'recordPanelRecommendation', false],
] as const)('%s: %s.%s', (file, root, field, callable) => {
  it(callable ? 'may be called' : 'is left out: the role is always FORBIDDEN it', () => {
    expect(rootFields(view(file), root).includes(field)).toBe(callable);
  });
});

describe.each([
  // file, type, field, how the role reads it
  ['family-finder.graphql', 'Child', 'birthFamilyBackground', 'redactable'],
  ['family-finder.graphql', 'Child', 'authority', 'always read'],
  ['family-finder.graphql', 'Household', 'dbsOutcome', 'never readable'],
  ['panel-member.graphql', 'Household', 'address', 'never readable'],
  ['panel-member.graphql', 'Child', 'firstName', 'redactable'],
  ['adm-the-partnership.graphql', 'Household', 'dbsOutcome', 'redactable'],
  ['ppm-lead.graphql', 'Household', 'dbsOutcome', 'never readable'],
  ['board-director.graphql', 'Child', 'id', 'absent'],
] as const)('%s: %s.%s', (file, type, field, reads) => {
  it(`is ${reads}`, () => {
    expect(marked(view(file), type, field)).toBe(reads);
  });
});
