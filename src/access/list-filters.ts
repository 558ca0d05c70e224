import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppAbility } from '../authz/ability';
import type { SubjectType } from '../authz/vocabulary';
import { badUserInput } from '../graphql/errors';
import { assertFilterable } from './field-guard';
import { readableColumn } from './readable-columns';

/**
 * A list's filters, each on a field of its records: refused (FIELD_NOT_READABLE) unless the caller may read the
 * field on every record of the list, and matched on the value the caller may read on each record — so a filter
 * never finds a record by a value the field guard would hide. An absent value (null or undefined) filters nothing.
 */
export class ListFilters<E extends ObjectLiteral> {
  constructor(
    private readonly ability: AppAbility,
    private readonly subjectType: SubjectType,
    private readonly query: SelectQueryBuilder<E>,
  ) {}

  /** The field's value is `value`. */
  equals(property: string, value: unknown): this {
    return value == null ? this : this.where(property, (column) => `${column} = ${this.param(value)}`);
  }

  /** The field's value is one of `values` (none: no record). */
  oneOf(property: string, values: readonly unknown[] | null | undefined): this {
    if (values == null) return this;
    return this.where(property, (column) => (values.length ? `${column} = ANY (${this.param([...values])})` : 'FALSE'));
  }

  /** The field's day lies from `from` to `to`, both included; `field` names the range in a BAD_USER_INPUT. */
  between(property: string, field: string, from: string | null | undefined, to: string | null | undefined): this {
    if (from && to && from > to) throw badUserInput(field, `${field}From must not be after ${field}To`);
    if (from) this.where(property, (column) => `${column} >= ${this.param(from)}`);
    if (to) this.where(property, (column) => `${column} <= ${this.param(to)}`);
    return this;
  }

  /** The field's value satisfies `comparison` with `value`. */
  compare(property: string, comparison: '<=' | '>=', value: number | null | undefined): this {
    return value == null ? this : this.where(property, (column) => `${column} ${comparison} ${this.param(value)}`);
  }

  /** A condition of the caller's on the field, given its readable value as SQL. */
  where(property: string, condition: (column: string) => string): this {
    assertFilterable(this.ability, this.subjectType, [property]);
    const column = readableColumn(this.ability, this.subjectType, this.query, property);
    this.query.andWhere(condition(column.sql), column.params);
    return this;
  }

  private param(value: unknown): string {
    const taken = this.query.getParameters();
    let n = 0;
    while (`filter_${n}` in taken) n += 1;
    const name = `filter_${n}`;
    this.query.setParameter(name, value);
    return `:${name}`;
  }
}
