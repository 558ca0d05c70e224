import { OrderInputType, type OrderBy, type OrderFields } from '../graphql/list-order';

/** The fields a list of children may be ordered by: each is a column, and a field of the field guard. */
export const CHILD_ORDER_FIELDS = {
  STAGE: { property: 'stage', description: 'The stage of the journey, in journey order.' },
  ENTERED_CARE_ON: { property: 'enteredCareOn', description: 'The day the child entered care.' },
  DATE_OF_BIRTH: { property: 'dateOfBirth', description: "The child's date of birth." },
  LAST_NAME: { property: 'lastName', description: "The child's last name." },
  FIRST_NAME: { property: 'firstName', description: "The child's first name." },
  CREATED_AT: { property: 'createdAt', description: 'When the record was created.' },
  UPDATED_AT: { property: 'updatedAt', description: 'When the record last changed.' },
} as const satisfies OrderFields<string>;
export type ChildOrderField = keyof typeof CHILD_ORDER_FIELDS;

export const ChildOrder = OrderInputType('Child', 'children', CHILD_ORDER_FIELDS);

/** The order a screen opens on: by stage in journey order, then the longest in care first. */
export const DEFAULT_CHILD_ORDER: readonly OrderBy<ChildOrderField>[] = [
  { field: 'STAGE', direction: 'ASC' },
  { field: 'ENTERED_CARE_ON', direction: 'ASC' },
];
