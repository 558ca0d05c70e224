import { rulesToAST, rulesToCondition } from '@casl/ability/extra';
import type { Condition } from '@ucast/mongo2js';
import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { AppAbility } from '../authz/ability';
import type { Action, SubjectType } from '../authz/vocabulary';

export type SqlCondition = { sql: string; params: Record<string, unknown> };

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * The records a subject belongs to, which a condition may test through the subject's key:
 * `household.proposedFor` on a household's decision is the `proposedFor` of its household.
 */
const PARENT_RECORDS: Record<string, { key: string; entity: string }> = {
  household: { key: 'householdId', entity: 'HouseholdRecord' },
  child: { key: 'childId', entity: 'ChildRecord' },
};

type Leaf = { operator: string; value: unknown; field: string };

/** The rules that decide `action` on `field` (those naming other fields only do not), as CASL combines them. */
function fieldRulesToAST(ability: AppAbility, action: Action, subjectType: SubjectType, field: string): Condition | null {
  const ast = (rule: { ast?: Condition; inverted: boolean }): Condition =>
    (rule.inverted ? { operator: 'not', value: [rule.ast] } : rule.ast) as Condition;
  const all = (operator: 'and' | 'or') => (value: Condition[]) => ({ operator, value }) as unknown as Condition;
  return rulesToCondition(ability.rulesFor(action, subjectType, field), ast, {
    and: all('and'),
    or: all('or'),
    empty: () => all('and')([]),
  });
}

/**
 * The rows of `subjectType` the ability allows `action` on — with `field`, on that field — as a SQL condition on
 * `alias`. Mirrors `ability.can()` exactly (a property test holds the two equal): no rule → FALSE,
 * an unconditional rule → TRUE, inverted rules → AND NOT. Fields map through the entity
 * metadata (an unknown field is a programming error); every value is a named parameter.
 * An array column matches a value it contains, as in CASL.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  metadata: EntityMetadata,
  alias: string,
  field?: string,
): SqlCondition {
  const ast = field === undefined ? rulesToAST(ability, action, subjectType) : fieldRulesToAST(ability, action, subjectType, field);
  const params: Record<string, unknown> = {};
  if (ast === null) return { sql: 'FALSE', params };

  const columnOf = (entity: EntityMetadata, field: string): ColumnMetadata => {
    const meta = entity.findColumnWithPropertyName(field);
    if (!meta) throw new Error(`policy condition on unknown field ${subjectType}.${field}`);
    return meta;
  };
  const param = (value: unknown): string => {
    const name = `authz_${alias}${field === undefined ? '' : `_${field}`}_${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };

  const compare = (column: string, meta: ColumnMetadata, { operator, value }: Leaf): string => {
    if (meta.isArray) {
      if (operator === 'eq' && value !== null) return `${param(value)} = ANY (${column})`;
      throw new Error(`policy operator ${operator} on the array ${subjectType}.${meta.propertyName} has no SQL translation`);
    }
    switch (operator) {
      case 'in':
      case 'nin': {
        const list = value as unknown[];
        if (list.length === 0) return operator === 'in' ? 'FALSE' : 'TRUE';
        // One array parameter, not one per value: the statement's text is the same whatever the list, and planned once.
        const inList = `${column} = ANY (${param(list)})`;
        return operator === 'in' ? inList : `(${column} IS NULL OR NOT ${inList})`;
      }
      case 'eq':
        return value === null ? `${column} IS NULL` : `${column} = ${param(value)}`;
      case 'ne':
        return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${param(value)}`;
      default:
        if (COMPARISONS[operator]) return `${column} ${COMPARISONS[operator]} ${param(value)}`;
        throw new Error(`policy operator ${operator} has no SQL translation`);
    }
  };

  /** A condition on a field of the subject, or (only positively) on a field of the record it belongs to. */
  const leaf = (node: Leaf): string => {
    const [head, rest] = node.field.split('.', 2) as [string, string | undefined];
    if (rest === undefined) {
      const meta = columnOf(metadata, head);
      return compare(`"${alias}"."${meta.databaseName}"`, meta, node);
    }
    const parent = PARENT_RECORDS[head];
    if (!parent || !['eq', 'in'].includes(node.operator)) {
      throw new Error(`policy condition ${node.operator} on ${subjectType}.${node.field} has no SQL translation`);
    }
    const parentMetadata = metadata.connection.getMetadata(parent.entity);
    const parentAlias = `${alias}_${head}`;
    const meta = columnOf(parentMetadata, rest);
    return (
      `EXISTS (SELECT 1 FROM "${parentMetadata.tableName}" "${parentAlias}" ` +
      `WHERE "${parentAlias}"."id" = "${alias}"."${columnOf(metadata, parent.key).databaseName}" ` +
      `AND ${compare(`"${parentAlias}"."${meta.databaseName}"`, meta, node)})`
    );
  };

  const toSql = (node: Condition): string => {
    const { operator, value } = node as { operator: string; value: unknown };
    switch (operator) {
      case 'and':
      case 'or': {
        const parts = (value as Condition[]).map(toSql);
        if (parts.length === 0) return operator === 'and' ? 'TRUE' : 'FALSE';
        return `(${parts.join(operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        // SQL's NULL would hide the row where CASL sees "not matched": fold unknown to false first.
        return `NOT COALESCE(${(value as Condition[]).map(toSql).join(' AND ')}, FALSE)`;
      default:
        return leaf(node as unknown as Leaf);
    }
  };

  return { sql: toSql(ast), params };
}
