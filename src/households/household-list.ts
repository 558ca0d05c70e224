import type { SelectQueryBuilder } from 'typeorm';
import { everyWordFound } from '../access/list-search';
import { readableColumn } from '../access/readable-columns';
import type { AppAbility } from '../authz/ability';
import { OrderInputType, type OrderFields } from '../graphql/list-order';
import type { HouseholdRecord } from './household.entity';

/** The first applicant's name, within the household's applicants (an array of JSON objects). */
const applicants = (name: 'firstName' | 'lastName') => (column: string) => `jsonb_extract_path_text(${column}, '0', '${name}')`;

/** The fields a list of households may be ordered by: each a column (or a name within one), and a field of the field guard. */
export const HOUSEHOLD_ORDER_FIELDS = {
  REFERENCE: { property: 'reference', description: 'The partnership’s reference for the household.' },
  STAGE: { property: 'stage', description: 'The stage of the household’s journey, in journey order.' },
  STAGE_ENTERED_ON: { property: 'stageEnteredOn', description: 'The day the household entered its current stage.' },
  ENQUIRY_ON: { property: 'enquiryOn', description: 'The day of the first enquiry.' },
  APPROVED_ON: { property: 'approvedOn', description: 'The day the household was approved; households not approved last.' },
  APPLICANT_LAST_NAME: {
    property: 'applicants',
    expression: applicants('lastName'),
    description: 'The first applicant’s surname.',
  },
  APPLICANT_FIRST_NAME: {
    property: 'applicants',
    field: 'applicantFirstNames',
    expression: applicants('firstName'),
    description: 'The first applicant’s first name.',
  },
  CREATED_AT: { property: 'createdAt', description: 'When the record was created.' },
  UPDATED_AT: { property: 'updatedAt', description: 'When the record last changed.' },
} as const satisfies OrderFields<string>;
export type HouseholdOrderField = keyof typeof HOUSEHOLD_ORDER_FIELDS;

export const HouseholdOrder = OrderInputType('Household', 'households', HOUSEHOLD_ORDER_FIELDS);

/** What a search of households reads, by field of the field guard: each only where the caller may read it on the record. */
export const HOUSEHOLD_SEARCH_FIELDS = ['reference', 'applicantFirstNames', 'applicants'] as const;

/**
 * Narrows `query` to the households `search` finds: every word in the reference, or in the first name or surname of
 * an applicant. A value the caller may not read on a record is never searched (it reads as null): a panel member, who
 * reads the applicants' first names only, finds nothing by a surname.
 */
export function searchHouseholds(ability: AppAbility, query: SelectQueryBuilder<HouseholdRecord>, search: string): void {
  const [reference, firstNames, names] = HOUSEHOLD_SEARCH_FIELDS.map((field) =>
    readableColumn(ability, 'Household', query, field === 'reference' ? field : 'applicants', field),
  );
  query.setParameters({ ...reference!.params, ...firstNames!.params, ...names!.params });
  const applicantNamed = (column: string, name: string, word: string) =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) applicant WHERE applicant ->> '${name}' ILIKE ${word})`;
  const found = everyWordFound(
    query,
    search,
    (word) =>
      `${reference!.sql} ILIKE ${word} OR ${applicantNamed(firstNames!.sql, 'firstName', word)} OR ` +
      applicantNamed(names!.sql, 'lastName', word),
  );
  query.andWhere(found);
}
