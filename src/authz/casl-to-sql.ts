import { rulesToAST } from '@casl/ability/extra';
import type { Condition } from '@ucast/mongo2js';
import type { EntityMetadata } from 'typeorm';
import type { AppAbility } from './ability';
import type { Action, SubjectType } from './vocabulary';

export type SqlCondition = { sql: string; params: Record<string, unknown> };

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * The rows of `subjectType` the ability allows `action` on, as a SQL condition on `alias`.
 * Mirrors `ability.can()` exactly (a property test holds the two equal): no rule → FALSE,
 * an unconditional rule → TRUE, inverted rules → AND NOT. Fields map through the entity
 * metadata (an unknown field is a programming error); every value is a named parameter.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  metadata: EntityMetadata,
  alias: string,
): SqlCondition {
  const ast = rulesToAST(ability, action, subjectType);
  const params: Record<string, unknown> = {};
  if (ast === null) return { sql: 'FALSE', params };

  const column = (field: string): string => {
    const meta = metadata.findColumnWithPropertyName(field);
    if (!meta) throw new Error(`policy condition on unknown field ${subjectType}.${field}`);
    return `"${alias}"."${meta.databaseName}"`;
  };
  const param = (value: unknown): string => {
    const name = `authz_${alias}_${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };

  const toSql = (node: Condition): string => {
    const { operator, value } = node as { operator: string; value: unknown; field?: string };
    const field = (node as { field?: string }).field;
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
      case 'in':
      case 'nin': {
        const list = value as unknown[];
        if (list.length === 0) return operator === 'in' ? 'FALSE' : 'TRUE';
        const inList = `${column(field!)} IN (:...${param(list).slice(1)})`;
        return operator === 'in' ? inList : `(${column(field!)} IS NULL OR NOT ${inList})`;
      }
      case 'eq':
        if (value === null) return `${column(field!)} IS NULL`;
        return `${column(field!)} = ${param(value)}`;
      case 'ne':
        if (value === null) return `${column(field!)} IS NOT NULL`;
        return `${column(field!)} IS DISTINCT FROM ${param(value)}`;
      default:
        if (COMPARISONS[operator]) return `${column(field!)} ${COMPARISONS[operator]} ${param(value)}`;
        throw new Error(`policy operator ${operator} has no SQL translation`);
    }
  };

  return { sql: toSql(ast), params };
}
