import type { ServiceContext } from '../access/service-context';
import { assertNhsNumber, assertNotFuture, assertOnOrAfter, checkAll } from '../graphql/input-rules';
import { RULES } from './legal-order';

/** The child's details kept as optional text: the special-category fields and the birth family's background. */
export const DETAIL_FIELDS = ['sex', 'ethnicity', 'religion', 'disability', 'healthNeeds', 'birthFamilyBackground'] as const;

/** The rules on a child's dates, whether recorded or corrected. */
export function assertChildDates(ctx: ServiceContext, dateOfBirth: string, enteredCareOn: string): void {
  checkAll(
    () => assertNotFuture('dateOfBirth', dateOfBirth, ctx.today),
    () => assertNotFuture('enteredCareOn', enteredCareOn, ctx.today),
    () => assertOnOrAfter('enteredCareOn', enteredCareOn, dateOfBirth, RULES.enteredCareAfterBirth),
  );
}

/** An NHS number as stored: checked, without spaces; none when not given. */
export function nhsNumberOf(value: string | null | undefined): string | null {
  if (!value) return null;
  assertNhsNumber('nhsNumber', value);
  return value.replace(/\s/g, '');
}
