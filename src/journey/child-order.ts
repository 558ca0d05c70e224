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
export const ChildOrderFieldEnum = graphqlEnum(
  Object.keys(CHILD_ORDER_FIELDS) as ChildOrderField[],
  'ChildOrderField',
  'A field a list of children can be ordered by, when you may read it.',
  {
    STAGE: 'The stage of the journey, in journey order.',
    ENTERED_CARE_ON: 'The day the child entered care.',
    DATE_OF_BIRTH: "The child's date of birth.",
    LAST_NAME: "The child's last name.",
    FIRST_NAME: "The child's first name.",
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record last changed.',
  },
);

@InputType({ description: 'One key of the order of a list of children; the id follows the last key.' })
export class ChildOrder {
  @Field(() => ChildOrderFieldEnum, { description: 'The field ordered by.' })
  field!: ChildOrderField;

  @Field(() => OrderDirectionEnum, { defaultValue: 'ASC', description: 'Which way it runs.' })
  direction!: Direction;
}

/** The order a screen opens on: by stage in journey order, then the longest in care first. */
export const DEFAULT_CHILD_ORDER: readonly ChildOrder[] = [
  { field: 'STAGE', direction: 'ASC' },
  { field: 'ENTERED_CARE_ON', direction: 'ASC' },
];
