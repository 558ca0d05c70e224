import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';
import type { FieldFault } from './errors';

/** As type-graphql checks an argument: a field left out is not checked (GraphQL has already required what it must). */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/** What an argument's input class finds at fault (each item's, for a list); nothing for a scalar. */
function failuresOf(value: unknown): ValidationError[] {
  if (Array.isArray(value)) return value.flatMap(failuresOf);
  return value !== null && typeof value === 'object' ? validateSync(value, OPTIONS) : [];
}

/** Every field class-validator found at fault, by its path within the argument, with the first rule each breaks. */
export function faultsOf(failures: ValidationError[], parent: string[] = []): FieldFault[] {
  return failures.flatMap((failure) => {
    const path = [...parent, failure.property];
    const own = Object.values(failure.constraints ?? {})[0];
    return [...(own ? [{ field: path.join('.'), message: own }] : []), ...faultsOf(failure.children ?? [], path)];
  });
}

/** The faults of an input by its class (presence, lengths, ranges, text blank to the eye). */
export function inputClassFaults(input: object): FieldFault[] {
  return faultsOf(failuresOf(input));
}

/**
 * type-graphql's check of each argument. A query's input class refuses at once. A mutation's is the step's to check,
 * with the step's own rules of its input, in one refusal (`checkInput`), where the step checks its input: after the
 * policy, so that a refusal there tells nothing a refusal of the policy would not.
 */
export const checkQueryArgument: ValidatorFn = (value, _type, { info }) => {
  if (info.parentType === info.schema.getMutationType()) return;
  const failures = failuresOf(value);
  if (failures.length > 0) throw new ArgumentValidationError(failures);
};
