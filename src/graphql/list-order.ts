import { Field, InputType, type ClassType } from 'type-graphql';
import { OrderDirectionEnum } from './connection';
import { graphqlEnum } from './enums';
import type { Direction } from './keyset';

/**
 * A field a list may be ordered by: the entity property (a column) it reads; the field of the field guard that decides
 * who may read it, when not the property itself; an SQL expression of the column, for a value within it (an
 * applicant's surname in the household's applicants); and what it is, for the schema.
 */
export type OrderField = {
  property: string;
  field?: string;
  expression?: (column: string) => string;
  description: string;
};

/** A list's order fields, by the name the schema gives each. */
export type OrderFields<F extends string> = Readonly<Record<F, OrderField>>;

/** One key of an order, as a client sends it. */
export type OrderBy<F extends string> = { field: F; direction: Direction };

/** What every `orderBy` argument promises, in its description. */
const ORDER_BY_READABLE =
  'At most three keys, each field once, then the id. Only by fields you may read on every record; a value hidden from you on a record places it last.';

/** The most keys an order may have; the id always follows them. */
export const MAX_ORDER_KEYS = 3;

/**
 * The input type of one key of a list's order (`<Name>Order`), with the enum of its fields (`<Name>OrderField`) in
 * the order `fields` lists them; `records` names the list's records in descriptions ("children").
 */
export function OrderInputType<F extends string>(name: string, records: string, fields: OrderFields<F>) {
  const names = Object.keys(fields) as F[];
  const descriptions = Object.fromEntries(names.map((f) => [f, fields[f].description])) as Record<F, string>;
  const FieldEnum = graphqlEnum(
    names,
    `${name}OrderField`,
    `A field a list of ${records} can be ordered by, when you may read it.`,
    descriptions,
  );

  @InputType(`${name}Order`, { description: `One key of the order of a list of ${records}; the id follows the last key.` })
  class Order implements OrderBy<F> {
    @Field(() => FieldEnum, { description: 'The field ordered by.' })
    field!: F;

    @Field(() => OrderDirectionEnum, { defaultValue: 'ASC', description: 'Which way it runs.' })
    direction!: Direction;
  }
  return Order;
}

/** The `orderBy` argument of a list, of its order input type; `byDefault` says the list's own order. */
export function OrderByField(order: ClassType, byDefault: string): PropertyDecorator {
  return Field(() => [order], { nullable: true, description: `${byDefault} ${ORDER_BY_READABLE}` });
}
