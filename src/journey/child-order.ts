import { Field, InputType } from 'type-graphql';
import { OrderDirectionEnum } from '../graphql/connection';
import { graphqlEnum } from '../graphql/enums';
import type { Direction } from '../graphql/keyset';

/** The fields a list of children may be ordered by: each is a column, and a field of the field guard. */
export const CHILD_ORDER_FIELDS = {
  STAGE: 'stage',
  ENTERED_CARE_ON: 'enteredCareOn',
  DATE_OF_BIRTH: 'dateOfBirth',
  LAST_NAME: 'lastName',
  FIRST_NAME: 'firstName',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const;
export type ChildOrderField = keyof typeof CHILD_ORDER_FIELDS;
export const ChildOrderFieldEnum = graphqlEnum(Object.keys(CHILD_ORDER_FIELDS) as ChildOrderField[], 'ChildOrderField');

@InputType({ description: 'One key of the order of a list of children; the id follows the last key.' })
export class ChildOrder {
  @Field(() => ChildOrderFieldEnum)
  field!: ChildOrderField;

  @Field(() => OrderDirectionEnum, { defaultValue: 'ASC' })
  direction!: Direction;
}

/** The order a screen opens on: by stage in journey order, then the longest in care first. */
export const DEFAULT_CHILD_ORDER: readonly ChildOrder[] = [
  { field: 'STAGE', direction: 'ASC' },
  { field: 'ENTERED_CARE_ON', direction: 'ASC' },
];
