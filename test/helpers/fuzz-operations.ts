import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { seededRandom } from '../../seeds/random';

/**
 * Generated GraphQL operations for the fuzz test, valid and broken, from the published schema itself:
 * every root field, arguments drawn from pools of good and hostile values (real ids of every authority,
 * malformed ids, impossible dates and dates outside 1900–2100, months out of range, garbage, forged and
 * another list's cursors, huge strings and strings with NULs, control characters, half surrogate pairs,
 * bidirectional overrides or nothing visible, unknown enum values, missing required fields, wrong types),
 * and broken documents (subscriptions, which this API does not serve, among them).
 */
export type FuzzOperation = { root: string; query: string; variables: Record<string, unknown> };

const SCHEMA = buildSchema(readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const ROOT_FIELDS = [
  ...Object.values(SCHEMA.getQueryType()!.getFields()).map((f) => ['query', f] as const),
  ...Object.values(SCHEMA.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(20_000),
  "Fz O'Brien'); DROP TABLE children; --",
  'Fz \u0000 NUL',
  'Fz \ud800 lone surrogate',
  '\udc00',
  'Fz \u0007 bell',
  'Fz \u202e override',
  '\u200b',
  '\u00a0\u200d',
  '\u3164',
  'Zoe\u0308',
  'Fz 😀 Ünïcødé',
  '%00%27',
  '{"$ne": null}',
];
const GOOD_STRINGS = ['Fz Ada', 'Fz Lovelace', 'Fz reasons recorded at panel', '2024-25', 'KENT'];
const DATES = [
  '2024-02-12',
  '2025-06-30',
  '2026-11-20',
  '2026-11-21',
  '2999-01-01',
  '1899-12-31',
  '2026-02-30',
  '2026-13-01',
  '20/11/2026',
  'yesterday',
  '',
  '0000-01-01',
  '0090-01-01',
  '2101-01-01',
];
/** Months (board periods) and cursors: good, out of range, garbage, forged, and another list's. */
const MONTHS = ['2020-11', '2021-05', '0090-01', '2101-01', '2021-13', 'May 2021'];
const CURSORS = [
  'not a cursor',
  Buffer.from(JSON.stringify(['children', 'yesterday', 'x'])).toString('base64url'),
  Buffer.from(JSON.stringify(['households', '2026-11-20T10:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
];
const INTS = [-1, 0, 1, 2, 50, 100, 101, 10_000, 2_147_483_647, -2_147_483_648];
const JUNK_IDS = [
  '',
  'x',
  '1 OR 1=1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  'a'.repeat(300),
  '../../etc/passwd',
];

/** Generates operations from `seed`; `ids` are real record ids of every authority, to aim at. */
export function fuzzOperations(seed: number, ids: readonly string[]) {
  const random = seededRandom(seed);

  function scalar(name: string): unknown {
    switch (name) {
      case 'ID':
        return random.chance(0.7) ? random.pick(ids) : random.chance(0.5) ? random.uuid() : random.pick(JUNK_IDS);
      case 'String':
        if (random.chance(0.15)) return random.pick([...MONTHS, ...CURSORS]);
        return random.chance(0.6) ? random.pick(GOOD_STRINGS) : random.pick(HOSTILE_STRINGS);
      case 'Date':
        return random.pick(DATES);
      case 'DateTime':
        return random.pick(['2026-11-20T10:00:00Z', '2026-11-20', 'not a time', '']);
      case 'Int':
        return random.pick(INTS);
      case 'Float':
        return random.pick([0, 1.5, -3, 1e308]);
      case 'Boolean':
        return random.chance(0.5);
      default:
        return random.pick([{}, [], 'x', 1]);
    }
  }

  function value(type: GraphQLInputType, depth = 0): unknown {
    if (isNonNullType(type)) return value(type.ofType, depth);
    if (random.chance(0.04)) return random.pick([42, 'wrong type', true, [], {}]);
    if (isListType(type)) return Array.from({ length: random.int(0, 3) }, () => value(type.ofType, depth + 1));
    if (isEnumType(type)) return random.chance(0.9) ? random.pick(type.getValues()).name : 'NOT_A_VALUE';
    if (isScalarType(type)) return scalar(type.name);
    if (isInputObjectType(type)) {
      const result: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type);
        if (required ? random.chance(0.06) : random.chance(0.5)) continue;
        result[field.name] = !required && random.chance(0.1) ? null : value(field.type, depth + 1);
      }
      if (random.chance(0.03)) result.unknownField = 'Fz';
      return result;
    }
    return null;
  }

  /** Every field without required arguments: scalars, and objects to `depth` levels. */
  function selection(type: GraphQLNamedType, depth: number): string {
    if (!isObjectType(type)) return '';
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type))) continue;
      const named = getNamedType(field.type);
      if (isObjectType(named)) {
        if (depth > 0) {
          const inner = selection(named, depth - 1);
          if (inner) parts.push(`${field.name} { ${inner} }`);
        }
      } else {
        parts.push(field.name);
      }
    }
    return parts.join(' ');
  }

  function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): FuzzOperation {
    const args = field.args.filter((a) => isNonNullType(a.type) || random.chance(0.6));
    const variables: Record<string, unknown> = {};
    for (const arg of args) {
      if (!isNonNullType(arg.type) || !random.chance(0.03)) variables[arg.name] = value(arg.type);
    }
    const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const inner = selection(getNamedType(field.type), 3);
    const query = `${kind} Fuzz${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${inner ? ` { ${inner} }` : ''} }`;
    return { root: field.name, query, variables };
  }

  /** A broken document: cut short, with a stray token, or not GraphQL at all. */
  function broken(valid: FuzzOperation): FuzzOperation {
    const cut = valid.query.slice(0, random.int(1, valid.query.length - 1));
    const query = random.pick([
      cut,
      `${valid.query} }`,
      valid.query.replace('{', '{ __proto__ '),
      'SELECT * FROM children',
      '{ { {',
      '',
      valid.query.replace(/^(query|mutation)/, 'subscription'),
    ]);
    return { ...valid, query };
  }

  return (): FuzzOperation => {
    const [kind, field] = random.pick(ROOT_FIELDS);
    const generated = operation(kind, field);
    return random.chance(0.08) ? broken(generated) : generated;
  };
}
